#include "cli/conventions.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace congvan::cli {

std::optional<uint64_t> ParseSize(std::string_view text) {
  size_t i = 0;
  uint64_t n = 0;
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return std::nullopt;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
    if (n > (UINT64_MAX - 9) / 10) return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(text[i] - '0');
  }
  if (i < text.size() && text[i] == ' ') ++i;
  std::string unit;
  for (; i < text.size(); ++i) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  uint64_t scale = 1;
  if (unit.empty() || unit == "b") {
    scale = 1;
  } else if (unit == "k" || unit == "kib") {
    scale = uint64_t{1} << 10;
  } else if (unit == "m" || unit == "mib") {
    scale = uint64_t{1} << 20;
  } else if (unit == "g" || unit == "gib") {
    scale = uint64_t{1} << 30;
  } else if (unit == "kb") {
    scale = 1000;
  } else if (unit == "mb") {
    scale = 1000 * 1000;
  } else if (unit == "gb") {
    scale = 1000 * 1000 * 1000;
  } else {
    return std::nullopt;
  }
  if (n == 0 || n > (uint64_t{1} << 63) / scale) return std::nullopt;
  return n * scale;
}

namespace {

// Optimal string alignment distance (Levenshtein with adjacent transpositions), by bytes.
size_t Distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string Suggest(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > 64) return "";  // no slip is that long, and the table would be large
  size_t limit = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
  std::string best;
  size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    size_t dist = Distance(word, c);
    if (dist < best_distance) {
      best_distance = dist;
      best = c;
    }
  }
  return best_distance <= limit ? best : "";
}

bool UseColor(std::string_view when, bool terminal, const char* no_color) {
  if (when == "always") return true;
  if (when == "never") return false;
  return terminal && (no_color == nullptr || no_color[0] == '\0');
}

OutputKind ClassifyOutput(const std::string& path, bool several_inputs) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!path.empty() && path.back() == '/') return OutputKind::kDirectory;
  if (fs::is_directory(path, ec)) return OutputKind::kDirectory;
  std::string ext = fs::path(path).extension().string();
  for (const char* e : {".json", ".jsonl", ".yaml", ".yml", ".ics"}) {
    if (ext == e) return OutputKind::kFile;
  }
  if (fs::exists(path, ec)) return OutputKind::kFile;
  return several_inputs ? OutputKind::kUnclear : OutputKind::kFile;
}

}  // namespace congvan::cli
