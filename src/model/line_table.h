// LineTable: where a paragraph's later input lines start in its joined text, as (offset, line) pairs in
// ascending offset; a paragraph read from one line has none. One pointer wide when empty (most
// paragraphs), so a file of a million one-line items does not pay 24 bytes each for an empty vector.
//
// Takes offsets below 4 GiB (inputs are capped far below); fails never.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>

namespace congvan::model {

class LineTable {
 public:
  struct Entry {
    uint32_t offset;
    int32_t line;
  };
  LineTable() = default;
  LineTable(const LineTable& o) { *this = o; }
  LineTable(LineTable&&) noexcept = default;
  LineTable& operator=(LineTable&&) noexcept = default;
  LineTable& operator=(const LineTable& o) {
    if (this == &o) return *this;
    data_.reset();
    if (o.size() > 0) {
      Reserve(o.size());
      std::memcpy(data_.get() + 1, o.data_.get() + 1, o.size() * sizeof(Entry));
      data_[0].offset = o.size();
    }
    return *this;
  }

  void emplace_back(size_t offset, int line) {
    if (size() == capacity()) Reserve(std::max<uint32_t>(4, capacity() * 2));
    data_[1 + size()] = {static_cast<uint32_t>(offset), line};
    ++data_[0].offset;
  }
  uint32_t size() const { return data_ ? data_[0].offset : 0; }
  bool empty() const { return size() == 0; }
  const Entry* begin() const { return data_ ? data_.get() + 1 : nullptr; }
  const Entry* end() const { return begin() + size(); }

  // The input line of the text at offset: the last entry at or before it, else first_line.
  int LineAt(size_t offset, int first_line) const {
    const Entry* after = std::upper_bound(begin(), end(), offset,
                                          [](size_t o, const Entry& e) { return o < e.offset; });
    return after == begin() ? first_line : (after - 1)->line;
  }

 private:
  uint32_t capacity() const { return data_ ? static_cast<uint32_t>(data_[0].line) : 0; }
  void Reserve(uint32_t n) {
    std::unique_ptr<Entry[]> grown(new Entry[1 + n]);
    uint32_t used = size();
    if (used > 0) std::memcpy(grown.get() + 1, data_.get() + 1, used * sizeof(Entry));
    data_ = std::move(grown);
    data_[0] = {used, static_cast<int32_t>(n)};
  }
  std::unique_ptr<Entry[]> data_;  // [0] holds {size, capacity}, then the entries
};

}  // namespace congvan::model
