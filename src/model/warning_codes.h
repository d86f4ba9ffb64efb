// Every warning code congvan emits, with its severity and meaning: the one list the congvan/2 output
// (`severity`), the JSON Schema's enum and the README's "Warning codes" table are held to (by
// tests/warning_codes_test.py, which also checks that the source emits exactly these codes).
//
// Severity: kInfo, a reading congvan made and tells (nothing to do); kWarning, a gap or a guess to check
// by hand; kError, a fact every dispatch must carry was not found.
#pragma once

#include <string_view>

namespace congvan::model {

enum class Severity { kInfo, kWarning, kError };

struct WarningCode {
  std::string_view code;
  Severity severity;
  std::string_view meaning;
};

inline constexpr WarningCode kWarningCodes[] = {
    {"authority_inferred", Severity::kInfo, "the issuer was read from elsewhere (the number's symbol, the signature)"},
    {"authority_missing", Severity::kError, "no issuing authority found"},
    {"coverage_low", Severity::kWarning, "under 90% of the non-blank lines were read as part of a zone (`coverage`)"},
    {"date_incomplete", Severity::kWarning, "the date's day or month is blank, or not a calendar date"},
    {"date_missing", Severity::kError, "no \"..., ngày ... tháng ... năm ...\" line found"},
    {"deadline_invalid", Severity::kWarning, "a deadline that is not a calendar date (no `due`)"},
    {"deadline_past", Severity::kInfo, "a date before the document's own, read as quoted, not as a deadline"},
    {"deadline_unresolved", Severity::kWarning, "a deadline counted from a date that is unknown (the document's, an event's)"},
    {"deadline_year_unknown", Severity::kWarning, "a deadline without a year in a document without a date"},
    {"distribution_missing", Severity::kWarning, "no \"Nơi nhận\" list found"},
    {"encoding_guessed", Severity::kInfo, "the bytes were read as a legacy encoding chosen by their words"},
    {"format_inferred", Severity::kInfo, "state or Party layout told from the number or the signature, not the motto"},
    {"format_missing", Severity::kWarning, "no motto and no number: the layout is unknown"},
    {"header_late", Severity::kInfo, "number and date read from a header printed away from the top"},
    {"invalid_bytes_replaced", Severity::kWarning, "bytes that are not UTF-8 became U+FFFD"},
    {"kind_unknown", Severity::kWarning, "no title, type code or \"V/v\" tells the document's kind"},
    {"nul_bytes_removed", Severity::kWarning, "NUL bytes were dropped from the input"},
    {"number_missing", Severity::kError, "no \"Số: ...\" number found"},
    {"paragraph_rejoined", Severity::kInfo, "a sentence split by a page break was rejoined"},
    {"section_number_gap", Severity::kInfo, "the numbering skips one or two items; still read as the list"},
    {"section_sequence", Severity::kWarning, "an item that does not follow the numbering before it, read as text"},
    {"signature_missing", Severity::kWarning, "no signature block found"},
    {"signature_name_missing", Severity::kWarning, "a signature block without the signer's name"},
    {"subject_missing", Severity::kWarning, "a công văn without a \"V/v\" subject"},
    {"task_owner_implied", Severity::kInfo, "tasks without a named owner fall to the addressees (Kính gửi)"},
    {"task_owner_missing", Severity::kWarning, "a task whose owner is neither named nor implied"},
};

// The severity of `code`; kWarning for a code not in the list (a test keeps the list complete).
Severity SeverityOf(std::string_view code);
// "info", "warning", "error".
std::string_view SeverityName(Severity s);

}  // namespace congvan::model
