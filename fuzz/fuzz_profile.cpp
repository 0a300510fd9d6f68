// libFuzzer target: any bytes as a profile YAML file, checked against the built-in library the
// way `plan` and `validate --profile` do.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "builtin/builtin.hpp"
#include "library/loader.hpp"
#include "library/profile_reader.hpp"
#include "model/error.hpp"
#include "model/profile_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const mp::model::Library library = mp::builtin::load();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    auto profile = mp::library::read_profile(text, "fuzz.yaml", &library);
    (void)mp::model::check_profile(profile);
  } catch (const mp::Error&) {
  }
  return 0;
}
