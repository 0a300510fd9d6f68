#pragma once
// The parts every html page shares (plan and report): escaping, the page frame with its inline
// style sheet, and the safety line. The pages are self-contained: no script, and nothing loaded
// from elsewhere (docs/formats.md).
#include <ostream>
#include <string>
#include <string_view>

namespace mp::exporter {

/// Library or profile text as HTML text or attribute value: valid UTF-8, control characters
/// made spaces, and & < > " ' written as character references, so it can never become markup.
std::string html_text(std::string_view raw);
/// The line every printed page carries: guidance, not treatment; when to stop and see someone.
std::string_view safety_line();
/// <!DOCTYPE html> up to and including <body>: lang, charset, viewport, a policy that forbids
/// scripts and loads, the title (escaped here) and the inline style sheet.
void write_page_start(std::ostream& out, std::string_view title, std::string_view generator);
/// </body></html>.
void write_page_end(std::ostream& out);

}  // namespace mp::exporter
