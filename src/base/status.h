// Status and Result<T>: how every stage reports a failure of the run (not of a document).
//
// A problem inside a document (a missing date, a guessed authority) is a Warning on the Document, never a
// Status. A Status is for what stops one input or the whole run: an unreadable file, a file that is not
// text, a grammar that does not compile. No exception crosses a stage boundary; third-party exceptions are
// caught where the library is called and turned into a Status.
//
// Example:
//   Result<Decoded> r = text::Decode(bytes);
//   if (!r.ok()) std::cerr << path << ": " << r.status().message() << "\n";
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace congvan {

enum class Code {
  kOk,
  kNotFound,      // the input path does not exist
  kIsDirectory,   // a directory where a file was expected
  kEmpty,         // no text at all
  kBinary,        // NUL bytes or control characters: not a text file
  kBadEncoding,   // bytes that are not valid in the detected encoding
  kTooLarge,      // over the size limit
  kIo,            // any other read or write error
  kGrammar,       // a grammar file that does not load or compile
  kBadRecord,     // a JSON Lines input record that is not {"path": ..., "text": ...}
  kUsage,         // a bad command line
};

// Returns the stable, machine-readable name used in JSON error rows ("not_found", "binary", ...).
std::string_view CodeName(Code code);

class Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-OK Status.
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}          // NOLINT
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() { return std::get<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace congvan
