#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "builtin/builtin.hpp"
#include "cli/context.hpp"
#include "library/yaml_tree.hpp"
#include "model/error.hpp"

namespace mp::cli {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kMaxFilesPerFolder = 10'000;

bool is_yaml_name(const fs::path& p) {
  auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}
}  // namespace

std::string read_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw Error(ExitCode::kNoInput, fmt::format("cannot read '{}': it is a folder", path));
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ExitCode::kNoInput,
                fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  // In chunks: reserving max_bytes up front would hold 16 MiB for every small file of a folder.
  std::string text;
  std::array<char, 1 << 16> chunk{};
  while (text.size() <= max_bytes) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto got = static_cast<std::size_t>(in.gcount());
    text.append(chunk.data(), std::min(got, max_bytes + 1 - text.size()));
    if (got < chunk.size()) break;
  }
  if (in.bad()) throw Error(ExitCode::kNoInput, fmt::format("cannot read '{}'", path));
  return text;
}

library::Source read_source(const std::string& path, const std::string& label) {
  const std::size_t limit = library::YamlLimits{}.max_bytes;
  library::Source source{label, {}, {}};
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw Error(ExitCode::kNoInput, fmt::format("cannot read '{}': no such file or folder", path));
  if (!fs::is_directory(path, ec)) {
    source.files.push_back(library::FileText{path, read_file(path, limit)});
    return source;
  }
  std::vector<fs::path> names;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_yaml_name(it->path()) && !it->is_directory()) names.push_back(it->path());
    if (names.size() > kMaxFilesPerFolder)
      throw Error(ExitCode::kDataErr,
                  fmt::format("'{}' holds more than {} YAML files", path, kMaxFilesPerFolder));
  }
  if (ec)
    throw Error(ExitCode::kNoInput, fmt::format("cannot read folder '{}': {}", path, ec.message()));
  std::sort(names.begin(), names.end());
  for (const auto& p : names)
    source.files.push_back(library::FileText{p.string(), read_file(p, limit)});
  return source;
}

std::string config_dir() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return (fs::path(xdg) / "massage-plan").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".config" / "massage-plan").string();
  return {};
}

model::Library load_library(const Context& ctx, const std::vector<std::string>& extra_paths) {
  std::vector<library::Source> sources;
  if (!ctx.global.no_builtin) sources.push_back(builtin::source());
  if (auto dir = config_dir(); !dir.empty()) {
    std::error_code ec;
    auto user = fs::path(dir) / "routines";
    if (fs::is_directory(user, ec)) sources.push_back(read_source(user.string(), "user folder"));
  }
  for (const auto& p : ctx.global.library_paths)
    sources.push_back(read_source(p, "--library " + p));
  for (const auto& p : extra_paths) sources.push_back(read_source(p, p));
  auto result = library::load_sources(sources);
  if (ctx.global.verbose) {
    for (const auto& s : sources)
      ctx.err << fmt::format("massage-plan: library source {} ({} file{})\n", s.label,
                             s.files.size(), s.files.size() == 1 ? "" : "s");
    for (const auto& note : result.notes) ctx.err << "massage-plan: " << note << '\n';
  }
  return std::move(result.library);
}

bool use_color(const GlobalOptions& global) {
  if (global.color == "always") return true;
  if (global.color == "never") return false;
  if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
  return isatty(STDOUT_FILENO) != 0;
}

}  // namespace mp::cli
