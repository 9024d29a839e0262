#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace weltcampus::interop {

// A pull reader over one XML document in memory (libxml2's xmlTextReader), as a flat stream of
// start tags, end tags and text, for reading the parts of an uploaded workbook. Hardened for
// untrusted input: a document with a DTD (<!DOCTYPE ...>) is refused before parsing, so no entity
// can be declared, expanded or loaded; no network; nesting deeper than max_depth is refused.
// Every failure is an ImportFileError naming the part.
class XmlEvents {
 public:
  enum class Kind { kStart, kEnd, kText };

  // The document must outlive the reader.
  XmlEvents(std::string_view document, std::string part, std::size_t max_depth = 32);
  ~XmlEvents();
  XmlEvents(const XmlEvents&) = delete;
  XmlEvents& operator=(const XmlEvents&) = delete;

  // Moves to the next event; false at the end of the document. An empty element (<c/>) gives a
  // start and then an end.
  bool Next();

  Kind kind() const { return kind_; }
  // The element's local name (no prefix), for start and end events.
  std::string_view name() const { return name_; }
  bool IsStart(std::string_view name) const { return kind_ == Kind::kStart && name_ == name; }
  bool IsEnd(std::string_view name) const { return kind_ == Kind::kEnd && name_ == name; }
  // The text of a text event.
  const std::string& text() const { return text_; }
  // The open elements (local names), outermost first; at a start event the new element is last.
  const std::vector<std::string>& open() const { return open_; }
  bool Inside(std::string_view name) const;

  // An attribute of the element at a start event, by local name; `namespaced` asks for one with
  // a namespace prefix (r:id), otherwise one without.
  std::optional<std::string> Attribute(std::string_view local, bool namespaced = false) const;

  const std::string& part() const { return part_; }

 private:
  struct Attr {
    std::string name;
    bool namespaced = false;
    std::string value;
  };
  void* reader_ = nullptr;
  std::string part_;
  std::size_t max_depth_;
  std::string error_;
  Kind kind_ = Kind::kText;
  std::string name_;
  std::string text_;
  std::vector<Attr> attributes_;
  std::vector<std::string> open_;
  bool pending_end_ = false;  // an empty element's end, still to give
};

}  // namespace weltcampus::interop
