// libFuzzer target: any bytes as one library YAML file. Bad input must end in mp::Error (a
// located diagnostic), never a crash, a hang, a sanitizer report or a huge allocation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "library/loader.hpp"
#include "model/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)mp::library::load_library_text(text, "fuzz.yaml");
  } catch (const mp::Error&) {
    // The expected outcome for bad input.
  }
  return 0;
}
