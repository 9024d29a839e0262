#include "interop/xml_events.h"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <climits>
#include <mutex>

#include "interop/import_report.h"

namespace weltcampus::interop {

namespace {

xmlTextReaderPtr Reader(void* reader) { return static_cast<xmlTextReaderPtr>(reader); }

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

void KeepError(void* user_data, xmlErrorPtr error) {
  auto* message = static_cast<std::string*>(user_data);
  if (error == nullptr || !message->empty()) {
    return;  // the first error tells the most
  }
  std::string text = error->message == nullptr ? "" : error->message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  *message = fmt::format("line {}: {}", error->line, text);
}

}  // namespace

XmlEvents::XmlEvents(std::string_view document, std::string part, std::size_t max_depth)
    : part_(std::move(part)), max_depth_(max_depth) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
  // A DTD is the door to entity expansion and external loading; a workbook part never has one.
  // The check is on bytes, so the document must be UTF-8 (or another ASCII-compatible encoding):
  // UTF-16 would hide "<!DOCTYPE" between NUL bytes, and Excel never writes it.
  if (document.find('\0') != std::string_view::npos) {
    throw ImportFileError(fmt::format("is damaged: its part {} is not UTF-8 XML", part_));
  }
  if (document.find("<!DOCTYPE") != std::string_view::npos ||
      document.find("<!ENTITY") != std::string_view::npos) {
    throw ImportFileError(
        fmt::format("is refused: its part {} declares a document type (DTD)", part_));
  }
  if (document.size() > static_cast<std::size_t>(INT_MAX)) {
    throw ImportFileError(fmt::format("has a part {} that is too large", part_));
  }
  // No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD, no XML_PARSE_HUGE
  // (libxml2's own limits on depth and text size stay on), no network.
  reader_ = xmlReaderForMemory(document.data(), static_cast<int>(document.size()), part_.c_str(),
                               nullptr, XML_PARSE_NONET);
  if (reader_ == nullptr) {
    throw ImportFileError(fmt::format("is damaged: its part {} cannot be read", part_));
  }
  xmlTextReaderSetStructuredErrorHandler(Reader(reader_), KeepError, &error_);
}

XmlEvents::~XmlEvents() {
  if (reader_ != nullptr) {
    xmlFreeTextReader(Reader(reader_));
  }
}

bool XmlEvents::Inside(std::string_view name) const {
  for (const auto& element : open_) {
    if (element == name) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> XmlEvents::Attribute(std::string_view local, bool namespaced) const {
  for (const auto& attribute : attributes_) {
    if (attribute.name == local && attribute.namespaced == namespaced) {
      return attribute.value;
    }
  }
  return std::nullopt;
}

bool XmlEvents::Next() {
  attributes_.clear();
  if (pending_end_) {
    pending_end_ = false;
    kind_ = Kind::kEnd;
    open_.pop_back();
    return true;
  }
  auto* reader = Reader(reader_);
  for (;;) {
    const int status = xmlTextReaderRead(reader);
    if (status == 0) {
      if (!error_.empty()) {
        break;
      }
      return false;
    }
    if (status < 0) {
      break;
    }
    switch (xmlTextReaderNodeType(reader)) {
      case XML_READER_TYPE_ELEMENT: {
        kind_ = Kind::kStart;
        name_ = View(xmlTextReaderConstLocalName(reader));
        open_.push_back(name_);
        if (open_.size() > max_depth_) {
          throw ImportFileError(fmt::format(
              "is refused: its part {} nests elements more than {} deep", part_, max_depth_));
        }
        const bool empty = xmlTextReaderIsEmptyElement(reader) == 1;
        while (xmlTextReaderMoveToNextAttribute(reader) == 1) {
          const auto prefix = View(xmlTextReaderConstPrefix(reader));
          if (prefix == "xmlns" || View(xmlTextReaderConstName(reader)) == "xmlns") {
            continue;
          }
          attributes_.push_back({std::string(View(xmlTextReaderConstLocalName(reader))),
                                 !prefix.empty(),
                                 std::string(View(xmlTextReaderConstValue(reader)))});
        }
        xmlTextReaderMoveToElement(reader);
        pending_end_ = empty;
        return true;
      }
      case XML_READER_TYPE_END_ELEMENT:
        kind_ = Kind::kEnd;
        name_ = View(xmlTextReaderConstLocalName(reader));
        if (!open_.empty()) {
          open_.pop_back();
        }
        return true;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        kind_ = Kind::kText;
        text_ = View(xmlTextReaderConstValue(reader));
        return true;
      case XML_READER_TYPE_DOCUMENT_TYPE:
      case XML_READER_TYPE_ENTITY_REFERENCE:
      case XML_READER_TYPE_ENTITY:
        throw ImportFileError(
            fmt::format("is refused: its part {} declares a document type (DTD)", part_));
      default:
        break;  // comments, processing instructions, the XML declaration
    }
  }
  throw ImportFileError(fmt::format("is damaged: its part {} is not well-formed XML ({})", part_,
                                    error_.empty() ? "unreadable" : error_));
}

}  // namespace weltcampus::interop
