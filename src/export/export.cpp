#include "export/export.hpp"

#include <array>

namespace mp::exporter {
namespace {
constexpr std::array<std::string_view, 6> kFormatNames{"text", "markdown", "json",
                                                       "csv",  "ics",      "html"};
}  // namespace

std::optional<Format> parse_format(std::string_view word) {
  for (std::size_t i = 0; i < kFormatNames.size(); ++i)
    if (kFormatNames[i] == word) return static_cast<Format>(i);
  return std::nullopt;
}

std::string_view to_string(Format format) { return kFormatNames[static_cast<std::size_t>(format)]; }

void write_plan(std::ostream& out, Format format, const model::Plan& plan,
                const model::Library& library, const ExportOptions& options) {
  switch (format) {
    case Format::kText:
      write_text(out, plan, library, options);
      return;
    case Format::kMarkdown:
      write_markdown(out, plan, library, options);
      return;
    case Format::kJson:
      write_json(out, plan, library, options);
      return;
    case Format::kCsv:
      write_csv(out, plan, library, options);
      return;
    case Format::kIcs:
      write_ics(out, plan, library, options);
      return;
    case Format::kHtml:
      write_html(out, plan, library, options);
      return;
  }
}

}  // namespace mp::exporter
