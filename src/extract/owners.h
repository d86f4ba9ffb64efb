// Extract: owner phrases (who must act), their splitting, and canonical keys.
//
// OwnerPhrase(text) reads the owner phrase that starts the text ("Sở Y tế báo cáo ..." -> "Sở Y tế"):
// the text must start with an owners.head; the phrase ends before the first owners.predicate (a verb
// or adverb that starts what the owner must do, a colon, a bracket, a full stop). Returns "" when the
// text does not start with an owner, or when no end is found within a plausible length.
//
// SplitOwners(phrase) splits coordinated owners at a comma, semicolon or "và" followed by another owner
// (owners.split): "Thủ trưởng các sở, ngành, đoàn thể cấp tỉnh, Chủ tịch Ủy ban nhân dân các huyện,
// thành phố" is two owners; "các sở, ngành" stays one; a bare title shares the next owner's body ("Bí
// thư, Chủ tịch UBND các xã" is one); "Giám đốc các Sở: Tài chính, Y tế" is "Giám đốc Sở Tài chính" and
// "Giám đốc Sở Y tế". An appended role (" - Thành viên Ban Chỉ đạo ...") is dropped.
//
// OwnerKey(owner) is the key that matches the same body across documents and provinces: abbreviations
// expanded (UBND -> Ủy ban nhân dân, TT&TT -> Thông tin và Truyền thông), the place name after a level
// dropped ("Sở Y tế tỉnh Cao Bằng" -> "Sở Y tế"), case and tone placement folded (text/fold.h).
// "Sở Y tế" and "Phòng Y tế" keep different keys. None of these fail.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "grammar/grammar.h"

namespace congvan::extract {

std::string OwnerPhrase(const grammar::Grammar& g, std::string_view text);
std::vector<std::string> SplitOwners(const grammar::Grammar& g, std::string_view phrase);
std::string OwnerKey(const grammar::Grammar& g, std::string_view owner);

// Convenience: the owners named at the start of text (OwnerPhrase then SplitOwners); empty if none.
std::vector<std::string> OwnersAt(const grammar::Grammar& g, std::string_view text);

}  // namespace congvan::extract
