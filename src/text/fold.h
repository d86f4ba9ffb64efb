// Case- and tone-placement-insensitive matching of Vietnamese text.
//
// Vietnamese has two conventions for where the tone mark sits in "oa", "oe" and "uy": old "hòa", "thủy",
// "uỷ"/"ủy", new "hoà", "thuỷ". Both are correct and archives mix them, sometimes in one document.
//
// FoldKey(text) returns a key that is equal for strings that differ only in case, Unicode normalization
// form or tone placement: FoldKey("Ủy ban") == FoldKey("uỷ ban"), FoldKey("HÒA") == FoldKey("hoà").
// The key is for comparison only (NFD, case-folded, each word's tone marks moved to its end); never
// print it.
//
// ExpandTonePlacement(pattern) rewrites a regular expression written in either convention so it matches
// both: "Hòa" -> "H(?:òa|oà)". The grammar loader applies it to every pattern, so a rule author writes
// Vietnamese the way she is used to. Letters inside [...] classes are left alone.
#pragma once

#include <string>
#include <string_view>

namespace congvan::text {

std::string FoldKey(std::string_view utf8);
// The same key computed by ICU over the whole text (NFD, case folding, tones to word ends): what FoldKey
// gives, which reads Vietnamese text one code point at a time through a table built from this; kept for
// the texts the table does not cover and for the test that holds the two equal.
std::string FoldKeyReference(std::string_view utf8);

std::string ExpandTonePlacement(std::string_view pattern);

// A readable key with the same equalities as FoldKey for tone placement and case: lower case, NFC, and
// the tone of "oa", "oe", "uy" on the second vowel ("Hòa" -> "hoà", "Ủy" -> "uỷ"). For output (owner
// keys); FoldKey is cheaper for comparisons.
std::string ReadableKey(std::string_view utf8);

// FoldKey without its marks ("Cục Thuế" -> "cuc thue", "Đà" -> "da"): to meet a name that OCR printed
// without diacritics ("CUC THUE TINH LONG AN"). Never print it.
std::string UnmarkedKey(std::string_view utf8);

// Upper-cases Vietnamese text ("Cà Mau" -> "CÀ MAU") with ICU's Vietnamese rules.
std::string ToUpper(std::string_view utf8);

// True when the text has letters and none of them is lower case ("ỦY BAN NHÂN DÂN TỈNH CÀ MAU"); the
// letters of a word with a digit or a slash in it and mostly capitals (a code: "SỐ 12-CTr/TU") do not count.
bool IsUpperText(std::string_view utf8);

// True when the code point at the start of the text is a lower-case letter.
bool StartsLower(std::string_view utf8);
// True when the code point at the start of the text is an upper-case letter.
bool StartsUpper(std::string_view utf8);

}  // namespace congvan::text
