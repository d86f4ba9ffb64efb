#include "segment/infer.h"

#include <map>

#include "segment/util.h"
#include "text/fold.h"

namespace congvan::segment {
namespace {

int LineOf(const model::Document& doc, const char* field) {
  auto it = doc.lines.find(field);
  return it == doc.lines.end() ? 0 : it->second;
}

void InferAuthority(const text::Lines& lines, const grammar::Grammar& g, model::Document& doc) {
  if (doc.authority.name) return;
  if (!doc.symbol) {
    doc.Warn("authority_missing", "no issuer printed and no symbol to infer it from", 0);
    return;
  }
  // Issuer codes: the parts of the symbol, split at '-' and '/'.
  const auto& codes = g.Map("issuer_codes");
  const auto& levels = g.Map("issuer_levels");
  std::string code;
  std::string sym = *doc.symbol;
  size_t start = 0;
  for (size_t i = 0; i <= sym.size(); ++i) {
    if (i == sym.size() || sym[i] == '-' || sym[i] == '/') {
      std::string part = sym.substr(start, i - start);
      if (codes.count(part)) {
        code = part;
        break;
      }
      start = i + 1;
    }
  }
  if (code.empty()) {
    doc.Warn("authority_missing",
             "no issuer printed, and the symbol " + sym + " names no issuer known to authority.yaml",
             LineOf(doc, "number"));
    return;
  }
  std::string name = codes.at(code);
  if (levels.count(code)) {
    // The level: how the text most often names a body of this kind ("Ủy ban nhân dân tỉnh").
    std::map<std::string, std::pair<int, std::string>> votes;  // key -> (count, as printed)
    for (const auto& line : lines) {
      for (const auto& m : g.FindAll("authority.level", line.text)) {
        auto& v = votes[text::FoldKey(m.Group("level"))];
        if (v.first++ == 0) v.second = std::string(m.Group("level"));
      }
    }
    std::string level;
    int best = 0;
    for (const auto& [k, v] : votes) {
      if (v.first > best) best = v.first, level = v.second;
    }
    if (level.empty() || !doc.place) {
      doc.Warn("authority_missing",
               "no issuer printed; the symbol names " + name + " but not its level and place",
               LineOf(doc, "number"));
      return;
    }
    name += " " + text::ToUpper(level) + " " + text::ToUpper(*doc.place);
  }
  doc.authority.name = name;
  doc.authority.inferred = true;
  doc.authority.line = LineOf(doc, "number");
  doc.Warn("authority_inferred",
           "no issuer printed; inferred \"" + name + "\" from the symbol " + sym +
               (levels.count(code) ? ", the place and how the text names its issuer" : ""),
           LineOf(doc, "number"));
}

}  // namespace

void Infer(const text::Lines& lines, const HeaderNotes& notes, const grammar::Grammar& g,
           model::Document& doc) {
  grammar::Match m;
  if (!doc.format) {
    if (notes.number_rule == "header.number.party") {
      doc.format = "party";
    } else if (!notes.number_rule.empty()) {
      doc.format = "state";
    }
    if (doc.format) {
      doc.Warn("format_inferred",
               "no motto printed; read as a " + *doc.format + " document from its number's style",
               LineOf(doc, "number"));
    } else {
      doc.Warn("format_missing", "no motto and no number: cannot tell state from Party format", 0);
    }
  }
  InferAuthority(lines, g, doc);
  for (const auto& link : doc.signature.authority) {
    model::ChainLink l;
    grammar::Match pm;
    if (g.Find("signature.prefix", link, &pm)) {
      std::string_view rest = pm.Group("rest");
      size_t at = pm.Offset(link, "rest");
      l.mark = Trim(rest.empty() || at == std::string::npos ? std::string_view(link)
                                                             : std::string_view(link).substr(0, at));
      if (!rest.empty()) l.office = Trim(rest);
    } else {
      l.office = link;
    }
    doc.signature.chain.push_back(std::move(l));
  }
  bool vv_subject = doc.lines.count("subject") && !notes.subject_from_title;
  if (!notes.kind_from_title.empty()) {
    doc.kind = notes.kind_from_title;
    if (!notes.kind_text.empty()) {
      doc.kind_text = notes.kind_text;
      doc.kind_line = notes.kind_line;
    }
  } else if (vv_subject && notes.number_rule == "header.number.state") {
    // A state document with a "V/v" subject and no title is a công văn, whatever its symbol's first
    // part ("2359/CT-TTHT": CT is the Cục Thuế, not a chỉ thị).
    doc.kind = "cong_van";
  } else if (doc.symbol && g.Find("header.kind_symbol", *doc.symbol, &m)) {
    doc.kind = m.rule->value;
  } else if (doc.subject && doc.lines.count("subject")) {
    doc.kind = "cong_van";
  } else {
    doc.kind = "other";
    doc.Warn("kind_unknown", "no title, type code or \"V/v\" tells the document's kind", 0);
  }
  if (!doc.lines.count("number")) doc.Warn("number_missing", "no \"Số\" line found", 0);
  if (!doc.date && !doc.lines.count("date")) doc.Warn("date_missing", "no place and date line found", 0);
  if (!doc.subject && (doc.kind == "cong_van")) doc.Warn("subject_missing", "no \"V/v\" subject found", 0);
  if (!doc.signature.name && doc.signature.title) {
    doc.Warn("signature_name_missing", "the signature block has no signer's name", doc.signature.line);
  }
  if (!doc.signature.name && !doc.signature.title) doc.Warn("signature_missing", "no signature block found", 0);
  if (doc.distribution.empty()) doc.Warn("distribution_missing", "no \"Nơi nhận\" list found", 0);
}

}  // namespace congvan::segment
