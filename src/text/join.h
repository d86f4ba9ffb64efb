// Rejoining text that a converter or a printer wrapped.
//
// AppendWrapped(acc, next) appends the next line of one logical line or paragraph to acc:
//   - with no space when acc ends in a hyphen glued to a letter or digit and next starts with one:
//     a code or compound broken at its hyphen ("341-" + "CV/TU" -> "341-CV/TU",
//     "COVID-" + "19" -> "COVID-19");
//   - with one space otherwise ("Sở Lao động -" + "Thương binh" -> "Sở Lao động - Thương binh").
#pragma once

#include <string>
#include <string_view>

namespace congvan::text {

void AppendWrapped(std::string& acc, std::string_view next);

// Ends in sentence-final punctuation (. ; ! ? :), ignoring closing quotes and brackets.
bool EndsSentence(std::string_view s);

}  // namespace congvan::text
