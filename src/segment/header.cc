#include "segment/header.h"

#include "base/numbers.h"

#include <cstdio>

#include "base/dates.h"
#include "segment/util.h"
#include "text/fold.h"
#include "text/join.h"

namespace congvan::segment {
namespace {

struct Piece {
  std::string text;
  int line;
};

// Any header rule that marks the start of another header part (family union header.part).
bool IsOtherHeaderLine(const grammar::Grammar& g, const text::Line& line) { return g.Test("header.part", line); }

// Whether `next` (the k-th line after the subject's first) continues a wrapped subject: not blank, not
// another header part, not the start of the body or tail, and the subject so far has not ended a
// sentence. Converters that never leave a blank line would otherwise run the subject to the end.
// Whether a subject ending in a document kind ("... KÈM THEO NGHỊ QUYẾT", header.subject_cites) goes on
// with that document's number on the next line ("SỐ 09/2022/NQ-HĐND ...").
bool CitesOn(const grammar::Grammar& g, const std::string& subject, std::string_view next) {
  return (next.rfind("SỐ ", 0) == 0 || next.rfind("số ", 0) == 0) && g.Test("header.subject_cites", subject);
}

bool SubjectContinues(const grammar::Grammar& g, const std::string& subject, const text::Line& line,
                      size_t k) {
  constexpr size_t kMaxSubjectLines = 6;
  std::string_view next = line.text;
  if (next.empty() || k > kMaxSubjectLines || text::EndsSentence(subject)) return false;
  // "... KÈM THEO NGHỊ QUYẾT" / "SỐ 09/2022/NQ-HĐND ...": the cited document's number, not a header part.
  if (CitesOn(g, subject, next)) return true;
  if (g.Test("header.subject_stop", line)) return false;
  if (text::IsUpperText(next) && !text::IsUpperText(subject)) return false;
  // "VỀ VIỆC BAN HÀNH QUY CHẾ" / "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH": the enacting body (and its session
  // line) under a legal text's subject, unless the subject leads into it ("... CỦA").
  if ((g.Test("header.enacting", line) || g.Test("header.session", line)) && !g.Test("common.continues", subject)) {
    return false;
  }
  return true;
}

// Where a subject may go on from line j: j itself, or, past at most three blank lines, a line that starts
// in lower case (the wrapped rest of a sentence); n when it cannot.
size_t SubjectResumes(const std::string& subject, const text::Lines& lines, size_t j, size_t n) {
  constexpr size_t kMaxBlanks = 3;
  if (j >= n || !lines[j].text.empty()) return j;
  size_t k = j;
  while (k < n && k - j < kMaxBlanks && lines[k].text.empty()) ++k;
  if (k >= n || lines[k].text.empty() || !text::StartsLower(lines[k].text) || text::EndsSentence(subject)) return n;
  if (WordCount(lines[k].text) < 2) return n;  // "l": a stray letter of OCR, not the sentence's rest
  return k;
}

// "BAN HÀNH MỨC TRỢ GIÚP ... TỈNH TUYÊN QUANG CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH": a flattened line runs the
// enacting body on after the subject; the subject ends where a word starts the body (header.enacting)
// and the word before it does not lead into it ("... CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" stays whole).
std::string CutEnactingBody(const grammar::Grammar& g, std::string subject) {
  for (size_t at = subject.find(' '); at != std::string::npos; at = subject.find(' ', at + 1)) {
    std::string_view rest = std::string_view(subject).substr(at + 1);
    if (!g.Test("header.enacting", rest)) continue;
    std::string head = subject.substr(0, at);
    if (g.Test("common.continues", head)) continue;
    return head;
  }
  return subject;
}

// Whether the text's last word is `word`.
bool EndsWithWord(std::string_view text, std::string_view word) {
  if (text.size() < word.size() || text.substr(text.size() - word.size()) != word) return false;
  return text.size() == word.size() || text[text.size() - word.size() - 1] == ' ';
}

// A title's subject in capitals runs over at most so many lines.
constexpr size_t kMaxTitleLines = 6;

std::string RemoveSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += c;
  }
  return out;
}

void SetAuthority(const std::vector<Piece>& lines, const grammar::Grammar& g, model::Document& doc) {
  if (lines.empty()) return;
  std::vector<Piece> units;
  grammar::Match m;
  for (size_t i = 0; i < lines.size(); ++i) {
    bool join = !units.empty() &&
                (g.Find("header.authority.continues", units.back().text, &m) ||
                 !g.Find("header.authority.unit_start", lines[i].text, &m));
    if (join) {
      text::AppendWrapped(units.back().text, lines[i].text);
    } else {
      units.push_back(lines[i]);
    }
  }
  // A name printed twice in a row (a gazette's page head above the header's own issuer cell) is one unit,
  // not its own parent.
  for (size_t i = units.size(); i-- > 1;) {
    if (text::FoldKey(units[i].text) == text::FoldKey(units[i - 1].text)) units.erase(units.begin() + i - 1);
  }
  doc.authority.name = units.back().text;
  doc.authority.line = units.back().line;
  if (units.size() >= 2) doc.authority.parent = units[units.size() - 2].text;
  doc.lines["authority"] = units.back().line;
}

// The "Số" line's match -> number, symbol and code.
void ReadNumber(const grammar::Match& m, const text::Line& line, model::Document& doc, HeaderNotes* notes) {
  doc.Trace(line.number, "header", m.rule->id);
  notes->number_rule = m.rule->id;
  std::string symbol = RemoveSpaces(m.Group("symbol"));
  doc.symbol = symbol;
  doc.lines["number"] = line.number;
  if (m.Has("number")) {
    std::string number(m.Group("number"));
    if (m.Has("year")) number += "/" + std::string(m.Group("year"));  // "12/2021/TT-BYT"
    doc.number = number;
    bool party = m.rule->id == "header.number.party";
    doc.code = number + (party ? "-" : "/") + symbol;
  } else {
    doc.Warn("number_missing", "the number on the \"Số\" line is blank", line.number);
  }
}

// The place/date line's match -> place and ISO date.
void ReadPlaceDate(const grammar::Match& m, const text::Line& line, const std::string& text,
                   const grammar::Grammar& g, model::Document& doc) {
  doc.Trace(line.number, "header", m.rule->id);
  // A công điện's "hồi 15 giờ 30 ngày 10/8/2022" names no place (header.place_date.sent_at).
  if (std::string place = Trim(m.Group("place")); !place.empty()) doc.place = place;
  // "V/v thuế GTGT Hà Nội, ngày ...": a subject cell before the place (header.place_date.line_end).
  size_t at = m.Offset(text, "place");
  grammar::Match sm;
  std::string cell = at != std::string::npos && at > 0 ? Trim(std::string_view(text).substr(0, at)) : std::string();
  if (!doc.subject && !cell.empty() && g.Find("header.subject", cell, &sm) && sm.Has("subject")) {
    doc.subject = Trim(sm.Group("subject"));
    doc.lines["subject"] = line.number;
  }
  if (doc.place && g.Test("header.subject", *doc.place)) {
    // "V/v thuế nhà thầu Hà Nam, ngày 8 tháng 8 năm 2015": the subject cell glued before the place; the
    // place is the run of capitalized words that ends it.
    std::string_view p = *doc.place;
    size_t start = p.size();  // where the trailing run of capitalized words begins
    for (size_t end = p.size(); end > 0;) {
      size_t sp = p.rfind(' ', end - 1);
      size_t w = sp == std::string_view::npos ? 0 : sp + 1;
      if (!text::StartsUpper(p.substr(w, end - w))) break;
      start = w;
      if (sp == std::string_view::npos) break;
      end = sp;
    }
    if (start > 0 && start < p.size()) {
      grammar::Match sm;
      std::string before = Trim(p.substr(0, start));
      if (!doc.subject && g.Find("header.subject", before, &sm) && sm.Has("subject")) {
        doc.subject = Trim(sm.Group("subject"));
        doc.lines["subject"] = line.number;
      }
      doc.place = Trim(p.substr(start));
    }
  }
  doc.lines["date"] = line.number;
  if (doc.place) doc.lines["place"] = line.number;
  int day = ParseInt(m.Group("day"), 0);
  int month = ParseInt(m.Group("month"), 0);
  int year = ParseInt(m.Group("year"), 0);
  if (auto iso = IsoDate(year, month, day)) {
    doc.date = *iso;
  } else {
    doc.Warn("date_incomplete", "the date's day or month is blank, or it is not a calendar date: \"" + text + "\"", line.number);
  }
}

// Whether a line opens a header part by itself (a subject, a number line): it is not the second half of a
// part wrapped from the line above ("S611 Se a" / "Số: /TCHQ-TXNK Hà Nội, ngày ...").
bool MakesPartAlone(const grammar::Grammar& g, const text::Line& line) {
  return g.Test("header.subject", line) || g.Test("header.number", line);
}

// Whether a line may be a number line labelled with the kind ("Nghị quyết số: 45/2025/UBTVQH15"): it
// sits in the issuer's column, under the issuer's name. Above the issuer, or as a markdown heading
// ("# Công văn số 2638/LĐTBXH-KHTC V/v ...", "Nghị quyết số 23/2003/QH11" as a file's first line), the
// same words are a web page's title for the document, whose own "Số:" line follows.
bool LabelledNumberLine(const text::Line& line, const std::vector<Piece>& authority) {
  return line.heading_level == 0 && !authority.empty();
}

}  // namespace

size_t ParseHeader(const text::Lines& lines, size_t begin, const grammar::Grammar& g,
                   model::Document& doc, HeaderNotes* notes) {
  size_t n = lines.size();
  size_t limit = std::min(n, begin + 80);
  std::vector<Piece> authority;
  bool seen_number = false, seen_date = false, seen_motto = false, after_title = false;
  bool seen_label = false;  // a "Số:" line whose number could not be read
  bool motto_lacks_nam = false;  // the motto's first line ended at "VIỆT": its "NAM" is still to come
  size_t i = begin;
  grammar::Match m;
  for (; i < limit; ++i) {
    const text::Line& line = lines[i];
    const std::string& t = line.text;
    std::string work;  // t, or t joined with the next line
    if (t.empty()) continue;
    if (g.Find("common.rule_line", line, &m)) {
      doc.Trace(line.number, "header", m.rule->id);
      continue;
    }
    if (g.Find("zone.debris", line, &m)) {  // a running head, a gazette section heading, a page number
      doc.Trace(line.number, "debris", m.rule->id);
      continue;
    }
    if (g.Find("recipients.start", line, &m)) {
      // A công điện's sender is printed before "điện:", on its line or the line above, and is its issuer
      // ("BAN CHỈ HUY ... TỈNH BÌNH MINH" / "Điện:"); read above as the title's subject, it is none.
      if (authority.empty() && notes->kind_from_title == "cong_dien") {
        if (m.Has("sender")) {
          authority.push_back({std::string(m.Group("sender")), line.number});
        } else if (doc.subject && notes->subject_from_title && doc.lines.count("subject") &&
                   m.rule->id == "recipients.start.cong_dien_bare") {
          authority.push_back({*doc.subject, doc.lines["subject"]});
          doc.subject.reset();
          doc.lines.erase("subject");
          notes->subject_from_title = false;
        }
      }
      break;
    }
    // A header part wrapped onto two lines by a converter ("Phú Thọ, ngày 18" / "tháng 11 năm 2025",
    // "VỀ" / "VIỆC CÔNG BỐ ..."): read the two lines as one when only together they make the part.
    std::string joined;
    size_t next = NextNonBlank(lines, i + 1, n);
    // Only short lines: header parts are short, body lines are not worth the three extra matches.
    bool cut_date = g.Test("header.date_cut", line);
    bool label_alone = LabelledNumberLine(line, authority) && g.Test("header.number_label", line);
    if (next < n && WordCount(t) <= 12 && (cut_date || !IsOtherHeaderLine(g, line)) && !label_alone &&
        !g.Test("header.subject", line) && !MakesPartAlone(g, lines[next])) {
      joined = t;
      text::AppendWrapped(joined, lines[next].text);
      if (g.Find("header.place_date", joined, &m) || g.Find("header.subject", joined, &m) ||
          g.Find("header.number", joined, &m) ||
          (LabelledNumberLine(line, authority) && g.Find("header.number_label", joined, &m))) {
        doc.Trace(line.number, "header", "joined_with_next_line");
        work = joined;
        i = next;
      }
    }
    const std::string& t2 = work.empty() ? t : work;
    // A header question of this line (its classes), or of the two lines joined (their text).
    auto find = [&](std::string_view family, grammar::Match* mm) {
      return work.empty() ? g.Find(family, line, mm) : g.Find(family, work, mm);
    };
    if (find("header.motto", &m)) {
      doc.Trace(line.number, "header", m.rule->id);
      if (!doc.format) doc.format = m.rule->value;
      if (!notes->motto_line) notes->motto_line = line.number;
      seen_motto = true;
      motto_lacks_nam = EndsWithWord(t2, "VIỆT") || EndsWithWord(t2, "VIET");
      continue;
    }
    if (!seen_number && (find("header.number", &m) ||
                         (LabelledNumberLine(line, authority) && find("header.number_label", &m)))) {
      seen_number = true;
      ReadNumber(m, line, doc, notes);
      // "Nghị quyết số: 45/2025/UBTVQH15": the label names the kind, as a title would.
      grammar::Match km;
      if (m.Has("kind") && notes->kind_from_title.empty() &&
          g.Find("header.kind_title", text::ToUpper(m.Group("kind")), &km)) {
        notes->kind_from_title = km.rule->value;
        notes->kind_text = Trim(m.Group("kind"));
        notes->kind_line = line.number;
        doc.lines["kind"] = line.number;
      }
      // "Số: /TCT-CS Hà Nội, ngày 16 tháng 7 năm 2021": the two cells of the number row on one line.
      size_t end = m.Offset(t2) + m.groups[0].size();
      grammar::Match dm;
      std::string rest = end < t2.size() ? Trim(std::string_view(t2).substr(end)) : std::string();
      if (!seen_date && !rest.empty() && g.Find("header.place_date", rest, &dm)) {
        seen_date = true;
        ReadPlaceDate(dm, line, rest, g, doc);
      }
      continue;
    }
    if (!seen_date && find("header.place_date", &m)) {
      seen_date = true;
      ReadPlaceDate(m, line, t2, g, doc);
      continue;
    }
    if (!doc.subject && find("header.subject", &m)) {
      doc.Trace(line.number, "header", m.rule->id);
      std::string subject(m.Group("subject"));
      doc.lines["subject"] = line.number;
      size_t j = i + 1;
      for (;;) {
        // "V/v tăng cường quản lý chợ đêm" / blank lines / "và chợ phiên vùng cao": a line starting in
        // lower case continues the subject across the blanks a converter left (a header part never
        // starts in lower case).
        size_t k = SubjectResumes(subject, lines, j, n);
        if (k >= n || !SubjectContinues(g, subject, lines[k], k - i)) break;
        doc.Trace(lines[k].number, "header", "header.subject/continuation");
        text::AppendWrapped(subject, lines[k].text);
        j = k + 1;
      }
      subject = Trim(subject);
      while (!subject.empty() && (subject.back() == '.' || subject.back() == ';')) subject.pop_back();
      doc.subject = subject;
      i = j - 1;
      continue;
    }
    if (find("header.urgency", &m)) {
      doc.Trace(line.number, "header", m.rule->id);
      if (!doc.urgency) doc.urgency = m.rule->value;
      doc.lines["urgency"] = line.number;
      continue;
    }
    if (find("header.secrecy", &m)) {
      doc.Trace(line.number, "header", m.rule->id);
      if (!doc.secrecy) doc.secrecy = m.rule->value;
      doc.lines["secrecy"] = line.number;
      continue;
    }
    if (find("header.delivery", &m)) {
      doc.Trace(line.number, "header", m.rule->id);
      continue;
    }
    if (find("header.kind_title", &m)) {
      doc.Trace(line.number, "header", m.rule->id);
      if (notes->kind_from_title.empty()) {
        notes->kind_from_title = m.rule->value;
        notes->kind_text = Trim(m.groups[0]);  // the title, not what a flattened line runs on with
        notes->kind_line = line.number;
      }
      doc.lines["kind"] = line.number;
      after_title = true;
      continue;
    }
    // "K ÉT LUẬN": a title OCR broke apart or stripped of its marks, known by its letters alone.
    if (notes->kind_from_title.empty() && WordCount(t) <= 4 && text::IsUpperText(t)) {
      std::string key;
      for (char c : text::UnmarkedKey(t)) {
        if (c != ' ') key += c;
      }
      const auto& titles = g.Map("ocr_kind_titles");
      if (auto it = titles.find(key); it != titles.end()) {
        doc.Trace(line.number, "header", "ocr_kind_titles");
        notes->kind_from_title = it->second;
        notes->kind_text = Trim(t);
        notes->kind_line = line.number;
        doc.lines["kind"] = line.number;
        after_title = true;
        continue;
      }
    }
    // "THÔNG TƯ BAN HÀNH DANH MỤC HÀNG HÓA" as the last header line: a flattened title with its subject
    // run on after the kind. With capitals on the next line, those are the subject and this stays unread.
    if (!doc.subject && notes->kind_from_title.empty() && find("header.kind_title_run_on", &m)) {
      size_t next_line = NextNonBlank(lines, i + 1, n);
      grammar::Match km;
      std::string subject = CutEnactingBody(g, Trim(m.Group("subject")));
      bool subject_below = next_line < n && text::IsUpperText(lines[next_line].text) &&
                           !g.Test("sections.marker", lines[next_line]) && !g.Test("header.enacting", lines[next_line]);
      if (!subject_below && text::IsUpperText(subject) &&
          g.Find("header.kind_title", std::string(m.Group("kind")), &km)) {
        doc.Trace(line.number, "header", m.rule->id);
        notes->kind_from_title = km.rule->value;
        notes->kind_text = Trim(m.Group("kind"));
        notes->kind_line = line.number;
        doc.lines["kind"] = line.number;
        after_title = true;
        notes->subject_from_title = true;
        doc.subject = subject;
        doc.lines["subject"] = line.number;
        continue;
      }
    }
    if (g.Test("header.label", line)) {
      // "Số: 271 !CT-TTHT Bắc Ninh, ngayQ ...": a number line OCR garbled past reading. The issuer's
      // column has ended with it: capitals below are no part of the issuer's name.
      doc.Trace(line.number, "header", "header.label.number");
      seen_label = true;
      continue;
    }
    // "Căn cứ Luật ...": the preamble of a legal text; the header it follows has ended (before any header
    // part, it is a web page's summary above the document: read on).
    bool header_begun = seen_number || seen_date || seen_motto || after_title || !authority.empty();
    if (header_begun && g.Test("header.preamble_start", line)) break;
    // "KT. BỘ TRƯỞNG": a signature's chain mark is never a header line (a text with no body between).
    if (header_begun && g.Test("signature.prefix", line)) break;
    bool upper = text::IsUpperText(t) && WordCount(t) <= 20;
    if (upper && after_title && authority.empty() && g.Test("header.enacting", line)) {
      // "NGHỊ QUYẾT" / its subject / "HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH MINH", no header printed above: the
      // enacting body under the title is the issuer; its session line ("KHÓA X, KỲ HỌP THỨ BA") is not.
      doc.Trace(line.number, "header", "enacting_body");
      authority.push_back({t, line.number});
      size_t k = NextNonBlank(lines, i + 1, n);
      if (k < n && g.Test("header.session", lines[k])) {
        doc.Trace(lines[k].number, "header", "header.session");
        i = k;
      }
      continue;
    }
    if (upper && !seen_number && !seen_date && !seen_label && !after_title) {
      doc.Trace(line.number, "header", "authority_line");
      authority.push_back({t, line.number});
      // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "TONG CỤC THUÊ NAM": the motto's last word wrapped onto the
      // issuer's line beside it.
      if (motto_lacks_nam && EndsWithWord(t, "NAM") && WordCount(t) > 1) {
        authority.back().text = Trim(std::string_view(t).substr(0, t.size() - 3));
        motto_lacks_nam = false;
      }
      continue;
    }
    if (upper && (seen_number || seen_date || seen_motto) && g.Test("sections.marker", line)) {
      break;  // "I. TỔ CHỨC THỰC HIỆN": the body's first numbered heading, in capitals, ends the header
    }
    if (upper && after_title && !doc.subject) {
      // A decision's or plan's title names its subject in capitals under the kind.
      doc.Trace(line.number, "header", "title_subject");
      notes->subject_from_title = true;
      std::string subject = t;
      // "TRIỂN KHAI CHƯƠNG TRÌNH SỐ 12-CTr/TU NGÀY 01/02/2024 CỦA" / "TỈNH ỦY VỀ ...": a capital line
      // ending in a word that cannot end a title (a preposition, a conjunction) runs on to the next.
      size_t j = i + 1;
      // "HỘI NGHỊ LẦN THỨ BA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH" / "về phát triển chợ đêm đến năm 2030": a line
      // starting in lower case goes on with it too.
      // "VỀ PHÁT TRIỂN" / "CHỢ ĐÊM TRÊN ĐỊA BÀN TỈNH": capitals that start no body of their own (an
      // agency, the enacting body) go on with it too.
      while (j < n && j - i <= kMaxTitleLines && !lines[j].text.empty() &&
             ((text::IsUpperText(lines[j].text) &&
               (g.Test("common.continues", subject) ||
                (!g.Test("header.enacting", lines[j]) && !g.Test("header.authority.unit_start", lines[j]) &&
                 !g.Test("header.session", lines[j])))) ||
              (text::StartsLower(lines[j].text) && !text::EndsSentence(subject))) &&
             (CitesOn(g, subject, lines[j].text) || !g.Test("header.subject_stop", lines[j]))) {
        doc.Trace(lines[j].number, "header", "header.subject/continuation");
        text::AppendWrapped(subject, lines[j].text);
        ++j;
      }
      // "... TỈNH LẠNG SƠN CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN": the enacting body run on after it.
      doc.subject = CutEnactingBody(g, subject);
      doc.lines["subject"] = line.number;
      i = j - 1;
      continue;
    }
    if (upper) {
      // "ỦY BAN NHÂN DÂN" / "HUYỆN AN PHÚ" again under the number: the issuer of a header printed twice.
      bool repeated = std::any_of(authority.begin(), authority.end(),
                                  [&](const Piece& p) { return p.text.find(t) != std::string::npos; });
      doc.Trace(line.number, "header", repeated ? "repeated_issuer" : "upper_line");
      if (!repeated) notes->unread.push_back(i);
      continue;
    }
    if (after_title && !doc.subject && WordCount(t) <= 40 && !text::EndsSentence(t)) {
      // The trích yếu under a title, in sentence case ("THÔNG BÁO" / "Kết luận của Chủ tịch ...").
      doc.Trace(line.number, "header", "title_subject");
      notes->subject_from_title = true;
      std::string subject = t;
      size_t j = i + 1;
      while (j < n && SubjectContinues(g, subject, lines[j], j - i)) {
        text::AppendWrapped(subject, lines[j].text);
        ++j;
      }
      doc.subject = subject;
      doc.lines["subject"] = line.number;
      i = j - 1;
      continue;
    }
    // Past the first header line, body text ends the header; a short unknown line (OCR noise, a
    // converter's stray mark) does not.
    // "Điều 1. Phạm vi điều chỉnh": an article starts the body, whatever the header has shown so far (a law
    // whose number and date the converter lost would otherwise lose its first articles to the header).
    if (i > begin && g.Test("sections.marker.article", line)) break;
    size_t prev = i;
    while (prev > begin && lines[prev - 1].text.empty()) --prev;
    auto number_at = doc.lines.find("number");
    bool after_number = prev > begin && number_at != doc.lines.end() && lines[prev - 1].number == number_at->second;
    if (after_number && !seen_date && !doc.subject && g.Find("header.subject_bare", line, &m)) {
      // "Số: 5155/SGDĐT-GDTXNNĐH" / "Về hướng dẫn đánh giá ..." / "Thành phố Hồ Chí Minh, ngày ...".
      size_t j = i + 1, ahead = 0;
      bool header_follows = false;
      for (; j < n && ahead < 4; ++j) {
        if (lines[j].text.empty()) continue;
        ++ahead;
        if (g.Test("header.place_date", lines[j]) || g.Test("header.date_cut", lines[j]) ||
            g.Test("recipients.start", lines[j])) {
          header_follows = true;
          break;
        }
      }
      if (header_follows) {
        doc.Trace(line.number, "header", m.rule->id);
        std::string subject(m.Group("subject"));
        doc.lines["subject"] = line.number;
        size_t k = i + 1;
        for (; k < j; ++k) {
          if (lines[k].text.empty()) continue;
          doc.Trace(lines[k].number, "header", "header.subject/continuation");
          text::AppendWrapped(subject, lines[k].text);
        }
        doc.subject = Trim(subject);
        i = j - 1;
        continue;
      }
    }
    bool bodylike = (WordCount(t) >= 8 || text::EndsSentence(t) || g.Test("sections.marker", line)) &&
                    !g.Test("header.label", line);
    if ((seen_number || seen_date || seen_motto) && bodylike) break;
    if (i - begin > 20) break;
    // A header part met a second time (the blank copy of a header printed twice) is read, not new.
    if (g.Test("header.part", line) || g.Test("header.number_label", line)) {
      doc.Trace(line.number, "header", "repeated_part");
      continue;
    }
    doc.Trace(line.number, "header", "skipped");
    notes->unread.push_back(i);
  }
  // A subject in capitals with the enacting body run on after it on its own line ("... TRÊN ĐỊA BÀN TỈNH
  // TÂY NINH ỦY BAN NHÂN DÂN TỈNH TÂY NINH") ends before the body.
  if (doc.subject && text::IsUpperText(*doc.subject)) doc.subject = CutEnactingBody(g, *doc.subject);
  SetAuthority(authority, g, doc);
  return i;
}

void ReadLateHeader(const text::Lines& lines, size_t begin, size_t end, const grammar::Grammar& g,
                    model::Document& doc, HeaderNotes* notes) {
  if (doc.number || doc.date) return;
  grammar::Match nm, dm;
  for (size_t i = begin; i < end; ++i) {
    if (!g.Find("header.number", lines[i], &nm) || !nm.Has("number")) continue;
    // Its place/date within a few lines either side: the two lines of one header column.
    size_t lo = i > begin + kLateHeaderSpan ? i - kLateHeaderSpan : begin;
    size_t hi = std::min(end, i + kLateHeaderSpan + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (j == i || !g.Find("header.place_date", lines[j], &dm)) continue;
      ReadNumber(nm, lines[i], doc, notes);
      ReadPlaceDate(dm, lines[j], lines[j].text, g, doc);
      doc.Warn("header_late",
               "no number or date in the header; read from the \"Số\" and place/date lines at lines " +
                   std::to_string(lines[i].number) + " and " + std::to_string(lines[j].number),
               lines[i].number);
      return;
    }
  }
}

}  // namespace congvan::segment
