// Writes the export fixture plan in every format, for the consumer checks registered in
// CMakeLists.txt (real parsers reading real files). Usage: write_samples OUTPUT_DIR
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "export/export.hpp"
#include "test_export_fixture.hpp"

namespace {

bool write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) std::cerr << "write_samples: cannot write " << path << "\n";
  return static_cast<bool>(out);
}

bool write(const std::string& path, mp::exporter::Format format, const mp::model::Plan& plan,
           const mp::model::Library& library, const mp::exporter::ExportOptions& options) {
  std::ofstream out(path, std::ios::binary);
  mp::exporter::write_plan(out, format, plan, library, options);
  out.close();
  if (!out) {
    std::cerr << "write_samples: cannot write " << path << "\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_samples OUTPUT_DIR\n";
    return 64;
  }
  const std::string dir = argv[1];
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const auto library = mp::test::export_library();
  mp::exporter::ExportOptions options;
  options.dtstamp_epoch = 1774000000;
  options.generator = "massage-plan test";
  using mp::exporter::Format;

  const auto floating = mp::test::export_plan();
  const auto berlin = mp::test::export_plan("Europe/Berlin");
  auto new_york = mp::test::export_plan("America/New_York");
  new_york.start = mp::model::Date{std::chrono::year{2026}, std::chrono::November,
                                   std::chrono::day{1}};  // DST ends that Sunday
  for (auto& day : new_york.plan) day.date = mp::model::add_days(day.date, 218);
  mp::exporter::ExportOptions quiet = options;
  quiet.remind_minutes = 0;
  mp::exporter::ExportOptions explain = options;
  explain.explain = true;
  mp::exporter::ExportOptions color = explain;
  color.color = true;

  bool ok = write(dir + "/floating.ics", Format::kIcs, floating, library, options) &&
            write(dir + "/berlin.ics", Format::kIcs, berlin, library, options) &&
            write(dir + "/new_york.ics", Format::kIcs, new_york, library, options) &&
            write(dir + "/no_alarm.ics", Format::kIcs, floating, library, quiet) &&
            write(dir + "/plan.json", Format::kJson, floating, library, options) &&
            write(dir + "/berlin.json", Format::kJson, berlin, library, options) &&
            write(dir + "/plan.csv", Format::kCsv, floating, library, options) &&
            write(dir + "/plan.md", Format::kMarkdown, floating, library, explain) &&
            write(dir + "/plan.txt", Format::kText, floating, library, explain) &&
            write(dir + "/plan_color.txt", Format::kText, floating, library, color) &&
            write(dir + "/plan.html", Format::kHtml, floating, library, explain) &&
            write(dir + "/plan_v.html", Format::kHtml, floating, library, explain) &&
            // Texts the checks must find read back exactly; passed as @FILE because CMake
            // lists cannot carry their semicolons.
            write_text(dir + "/nasty.txt", mp::test::nasty_name()) &&
            write_text(dir + "/markup_step.txt", mp::test::markup_step());
  return ok ? 0 : 74;
}
