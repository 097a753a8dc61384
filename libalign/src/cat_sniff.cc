// SniffInput and RequireText (cat_file.h): XML told from text by its first
// bytes, so that a CAT file is never aligned as text whatever its name.
#include <fmt/format.h>

#include "align/cat_file.h"

namespace align {
namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

std::string_view SkipSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsXmlSpace(s[i])) ++i;
  return s.substr(i);
}

// |s| after the construct that starts it and ends with |close|; empty when
// it is never closed (a truncated prolog is still XML).
std::string_view After(std::string_view s, std::string_view close) {
  size_t end = s.find(close);
  return end == std::string_view::npos ? std::string_view() : s.substr(end + close.size());
}

// After "<!DOCTYPE": up to its '>', past an internal subset in brackets
// whose quoted literals may hold ']' and '>'.
std::string_view AfterDoctype(std::string_view s) {
  char quote = 0;
  bool subset = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      subset = true;
    } else if (c == ']') {
      subset = false;
    } else if (c == '>' && !subset) {
      return s.substr(i + 1);
    }
  }
  return {};
}

bool EndsWithTag(std::string_view s, std::string_view name) {
  while (!s.empty() && IsXmlSpace(s.back())) s.remove_suffix(1);
  const std::string tag = fmt::format("</{}>", name);
  return s.ends_with(tag) || s.ends_with("/>");
}

}  // namespace

InputKind SniffInput(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string_view s = SkipSpace(bytes);
  const bool declared = s.starts_with("<?xml") && (s.size() == 5 || IsXmlSpace(s[5]) || s[5] == '?');
  // The prolog: declaration, comments, processing instructions, DOCTYPE.
  for (;;) {
    s = SkipSpace(s);
    if (s.starts_with("<?")) {
      s = After(s, "?>");
    } else if (s.starts_with("<!--")) {
      s = After(s, "-->");
    } else if (s.starts_with("<!DOCTYPE")) {
      s = AfterDoctype(s);
    } else {
      break;
    }
  }
  if (s.size() < 2 || s[0] != '<' || !IsNameStart(s[1])) return declared ? InputKind::kXml : InputKind::kText;
  size_t end = 1;
  while (end < s.size() && IsNameChar(s[end])) ++end;
  const std::string_view name = s.substr(1, end - 1);
  if (end < s.size() && !IsXmlSpace(s[end]) && s[end] != '>' && s[end] != '/') {
    return declared ? InputKind::kXml : InputKind::kText;
  }
  const size_t colon = name.rfind(':');
  const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  if (local == "xliff") return InputKind::kXliff;
  if (local == "tmx") return InputKind::kTmx;
  return declared || EndsWithTag(s, name) ? InputKind::kXml : InputKind::kText;
}

std::string_view InputKindName(InputKind kind) {
  switch (kind) {
    case InputKind::kText: return "text";
    case InputKind::kXliff: return "XLIFF";
    case InputKind::kTmx: return "TMX";
    case InputKind::kXml: return "XML";
  }
  return "text";
}

Status RequireText(const Document& doc) {
  const InputKind kind = SniffInput(doc.bytes());
  if (kind == InputKind::kText) return Status::Ok();
  if (kind == InputKind::kXml) {
    return InvalidArgument(fmt::format("{}: is an XML document, not text; talign does not align markup as text "
                                       "(a CAT-tool file, XLIFF or TMX, is checked alone: talign check FILE)",
                                       doc.name()));
  }
  return InvalidArgument(fmt::format("{}: is a {} file, whose units are already aligned; pass it alone to "
                                     "'talign check {}'",
                                     doc.name(), InputKindName(kind), doc.name()));
}

}  // namespace align
