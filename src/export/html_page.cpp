#include "export/html_page.hpp"

#include "export/utf8.hpp"
#include "model/markup.hpp"

namespace mp::exporter {
namespace {

// Colours: text #1a1a1a and #404040 on white or #f3f6f9 (contrast above 9:1), links none, bars
// #1f5f8b (7:1 against white, so they read as well as the text). Sizes in rem and percent
// so the page reflows at 200% zoom; print uses points and fixes the A4 page.
constexpr std::string_view kStyle = R"css(
:root { color: #1a1a1a; background: #fff; font-family: system-ui, "DejaVu Sans", sans-serif;
  line-height: 1.4; }
body { margin: 0 auto; max-width: 62rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 .5rem; border-bottom: 2px solid #1f5f8b; }
h3 { font-size: 1.05rem; margin: .8rem 0 .3rem; }
h4 { font-size: 1rem; margin: .6rem 0 .2rem; }
p, ul, ol { margin: .2rem 0; }
.meta, .note { color: #404040; }
.warning { border-left: 4px solid #8a4b00; padding: .2rem .6rem; background: #fff7ec; }
.safety { color: #404040; font-size: .9rem; border-top: 1px solid #767676; margin-top: 1rem;
  padding-top: .3rem; }
.days { list-style: none; padding: 0; display: grid; gap: .6rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); }
.day { border: 1px solid #767676; border-radius: 4px; padding: .3rem .5rem; background: #f3f6f9; }
.day h3 { margin-top: 0; }
.sessions, .items { list-style: none; padding: 0; }
.session { margin-bottom: .3rem; break-inside: avoid; }
.when { font-weight: 600; }
.items li { padding-left: .2rem; }
.items label { display: flex; gap: .35rem; align-items: baseline; }
.items label > span:first-of-type { flex: 1; }
.items input { margin: 0; width: 1rem; height: 1rem; flex: none; }
.minutes { color: #404040; white-space: nowrap; }
.howto { columns: 2 22rem; column-gap: 1.5rem; }
.technique { break-inside: avoid; margin-bottom: .5rem; }
.technique h3 { font-size: 1rem; margin: .6rem 0 .2rem; }
.doses { columns: 2 22rem; column-gap: 1.5rem; padding-left: 1.2rem; }
.doses li { break-inside: avoid; margin-bottom: .2rem; }
.caution { font-weight: 600; }
.stop-rule { font-weight: 600; }
.coverage { break-inside: avoid; }
figure { margin: .4rem 0; }
figcaption { color: #404040; font-size: .9rem; }
svg { max-width: 100%; height: auto; display: block; }
.with-figure { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.figure-box { flex: 0 0 14rem; }
.with-figure > div:last-child { flex: 1 1 20rem; }
.figure-box svg { width: 100%; max-height: 18rem; }
.howto-figure { float: left; margin: .1rem .5rem .2rem 0; }
.howto-figure svg { width: auto; height: 5.5rem; max-width: 8rem; }
.technique::after { content: ""; display: block; clear: both; }
svg text { font-family: inherit; fill: #1a1a1a; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { border: 1px solid #767676; padding: .15rem .5rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: .2rem; }
/* A chart and its data side by side, the table under the chart when the page is narrow. */
.chart-pair { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.chart-pair figure { flex: 1 1 22rem; min-width: 0; }
.chart-pair table { flex: 0 0 auto; }
/* v3 agenda: a saved session's state beside its time. */
.state { font-size: .8rem; border: 1px solid #767676; border-radius: .2rem; padding: 0 .25rem; }
.state-done { color: #0b5d1e; border-color: #0b5d1e; }
.state-skipped { color: #6b4e00; border-color: #6b4e00; }
section { break-inside: avoid; }
/* A long list of notes may break between pages, never inside one note (the report). */
section.notes { break-inside: auto; }
section.notes tr { break-inside: avoid; }
@media print {
  @page { size: A4; margin: 7mm 10mm 9mm; }
  :root { font-size: 9pt; line-height: 1.3; }
  body { max-width: none; padding: 0; }
  h1 { font-size: 14pt; }
  h2 { font-size: 12pt; margin-top: .3rem; }
  h3 { margin: .5rem 0 .2rem; }
  /* Each week starts a page; the first shares its page with the title. */
  .week + .week { break-before: page; }
  section.week { break-inside: auto; }
  /* A day per line (or two): the date, then its sessions and their items flowing across the
     page; a page break may fall between days, never inside one. */
  .days { display: block; font-size: 8.5pt; line-height: 1.25; }
  .day { display: block; border: none; border-radius: 0; border-bottom: 1px solid #767676;
    padding: .15rem 0; background: none; break-inside: avoid; }
  .day h3, .sessions, .session, .when, .items, .items li, .items label { display: inline; }
  .day h3 { font-size: 8.5pt; margin: 0 .6rem 0 0; white-space: nowrap; }
  .session { margin-right: .8rem; }
  .when { white-space: nowrap; }
  .kind-self { display: none; }
  .howto-figure svg { height: 4.8rem; max-width: 7rem; }
  .items li { margin-left: .4rem; padding: 0; white-space: nowrap; }
  .items input { vertical-align: -.15rem; }
  /* The week's doses: three columns of small print, a technique's dose never split. */
  .doses-block h3 { font-size: 9pt; margin: .3rem 0 .1rem; }
  .doses-block { font-size: 6.8pt; line-height: 1.15; }
  .doses { columns: 3; column-gap: .7rem; padding: 0; list-style: none; }
  .doses li { margin: 0 0 .12rem; }
  .doses-block .note { margin: .1rem 0 0; }
  a { color: inherit; text-decoration: none; }
  /* After the weeks, from a new page: what --explain adds, then how to do each technique in
     three columns, the steps of a technique run on as one numbered paragraph. */
  .week + .explain, .howto-all { break-before: page; }
  section.howto-all { break-inside: auto; }
  .howto { columns: 3; column-gap: .8rem; font-size: 7.5pt; line-height: 1.18; }
  /* An entry stays whole in one column: heading, figure and steps together (a break inside one
     let the floated figure land in the next column, away from its heading). */
  .technique { margin-bottom: .3rem; break-inside: avoid; }
  .technique h3 { font-size: 9pt; margin: 0; break-after: avoid; }
  .steps { padding: 0; counter-reset: step; }
  .steps li { display: inline; counter-increment: step; }
  .steps li::before { content: counter(step) ". "; font-weight: 600; }
  .cautions { padding: 0; list-style: none; }
  /* The safety line closes the week on its page (never a page of its own): small enough that a
     week of three sessions a day still fits one page. */
  .safety { font-size: 7pt; line-height: 1.2; margin-top: .3rem; break-before: avoid; }
  .notes p { font-size: 7pt; line-height: 1.15; margin: 0 0 .1rem; }
  figcaption { font-size: 8pt; }
}
)css";

// The safety line short enough for one line in the page's bottom margin.
constexpr std::string_view kPageSafetyLine =
    "Wellness guidance, not medical treatment. Stop anything that hurts, tingles or makes you "
    "dizzy.";

}  // namespace

std::string html_text(std::string_view raw) { return model::escape_markup(printable(raw, false)); }

std::string_view safety_line() {
  return "Wellness guidance, not medical treatment. Stop anything that hurts, tingles or makes you "
         "dizzy, and see a clinician about pain that persists or gets worse.";
}

void write_page_start(std::ostream& out, std::string_view title, std::string_view generator) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Defence in depth behind the escaping: the page may not run or load anything.
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'\">\n"
      << "<meta name=\"generator\" content=\"" << html_text(generator) << "\">\n"
      << "<title>" << html_text(title) << "</title>\n<style>"
      << kStyle
      // The safety line in the bottom margin of every printed page, also where a week runs
      // over one page (page margin boxes: Chromium; other browsers keep the line in the page).
      << "@media print { @page { @bottom-center { content: \"" << kPageSafetyLine
      << "\"; font-size: 7pt; color: #404040; } } }\n</style>\n"
      << "</head>\n<body>\n";
}

void write_page_end(std::ostream& out) { out << "</body>\n</html>\n"; }

}  // namespace mp::exporter
