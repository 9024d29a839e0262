#include "interop/csv_reader.h"

#include <algorithm>
#include <stdexcept>

#include "core/text.h"

namespace weltcampus::interop {

char CsvSeparatorOf(std::string_view text) {
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  std::size_t tabs = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == '\n' || c == '\r')) {
      break;
    } else if (!quoted) {
      commas += c == ',';
      semicolons += c == ';';
      tabs += c == '\t';
    }
  }
  if (semicolons > commas && semicolons >= tabs) {
    return ';';
  }
  if (tabs > commas && tabs > semicolons) {
    return '\t';
  }
  return ',';
}

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.starts_with("\xEF\xBB\xBF")) {
    pos_ = 3;
  }
  separator_ = CsvSeparatorOf(text_.substr(pos_));
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  fields.clear();
  if (pos_ >= text_.size()) {
    return false;
  }
  record_line_ = current_line_;
  std::string field;
  bool quoted = false;
  bool field_was_quoted = false;
  while (pos_ < text_.size()) {
    const char c = text_[pos_++];
    if (quoted) {
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field += '"';
          ++pos_;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') {
          ++current_line_;
        }
        field += c;
      }
      continue;
    }
    if (c == '"' && (field.empty() && !field_was_quoted)) {
      quoted = true;
      field_was_quoted = true;
    } else if (c == separator_) {
      fields.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') {
        ++pos_;
      }
      ++current_line_;
      fields.push_back(std::move(field));
      return true;
    } else {
      // A quote inside an unquoted field is kept as it is, as spreadsheets write it.
      field += c;
    }
  }
  if (quoted) {
    throw std::runtime_error("line " + std::to_string(record_line_) +
                             ": a quoted field is never closed");
  }
  fields.push_back(std::move(field));
  return true;
}

CsvHeader::CsvHeader(const std::vector<std::string>& fields) {
  names_.reserve(fields.size());
  for (const auto& field : fields) {
    names_.push_back(AsciiLower(CleanField(field)));
  }
}

std::optional<std::size_t> CsvHeader::Find(std::string_view name) const {
  const auto wanted = AsciiLower(name);
  const auto it = std::find(names_.begin(), names_.end(), wanted);
  if (it == names_.end()) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(it - names_.begin());
}

std::size_t CsvHeader::Require(std::string_view name) const {
  if (auto index = Find(name)) {
    return *index;
  }
  throw std::runtime_error("the header has no column \"" + std::string(name) + "\"");
}

std::string CleanField(std::string_view field) {
  std::string text;
  text.reserve(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\xC2' && i + 1 < field.size() && field[i + 1] == '\xA0') {
      text += ' ';
      ++i;
    } else {
      text += field[i];
    }
  }
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace weltcampus::interop
