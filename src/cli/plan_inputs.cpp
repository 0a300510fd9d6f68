#include "cli/plan_inputs.hpp"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string_view>

#include "cli/plan_flags.hpp"
#include "library/profile_reader.hpp"
#include "library/yaml_tree.hpp"
#include "model/error.hpp"

namespace mp::cli {
namespace {

std::optional<long long> source_date_epoch() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return std::nullopt;
  long long v = 0;
  std::string_view s(env);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0)
    throw Error(ExitCode::kUsage,
                fmt::format("SOURCE_DATE_EPOCH '{}' is not a number of seconds", s));
  return v;
}

}  // namespace

model::Profile read_profile_file(const Context& ctx, const model::Library& lib) {
  std::string path = ctx.global.profile_path;
  if (path.empty()) {
    auto dir = config_dir();
    std::error_code ec;
    if (!dir.empty() && std::filesystem::exists(dir + "/profile.yaml", ec))
      path = dir + "/profile.yaml";
  }
  if (path.empty()) return model::Profile{};
  if (ctx.global.verbose) ctx.err << "massage-plan: profile " << path << '\n';
  auto text = read_file(path, library::YamlLimits{}.max_bytes);
  auto profile = library::read_profile(text, path, &lib);
  check_timezone(profile.timezone, path);
  return profile;
}

long long dtstamp_epoch() {
  if (auto v = source_date_epoch()) return *v;
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace mp::cli
