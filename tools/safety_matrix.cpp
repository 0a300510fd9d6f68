// mp_safety_matrix: writes docs/safety-matrix.md from the built-in library, or with --check
// tells whether the committed file is still what the built-in library gives.
//   mp_safety_matrix FILE           write FILE
//   mp_safety_matrix --check FILE   exit 0 when FILE is up to date, 1 (and how to fix) when not
#include "export/safety_matrix.hpp"

#include <fmt/format.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "builtin/builtin.hpp"

namespace {

constexpr const char* kRegenerate = "cmake --build --preset release --target safety-matrix";

// The first line (1-based) where a and b differ, with both lines, for the failure message.
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ha = static_cast<bool>(std::getline(sa, la));
    bool hb = static_cast<bool>(std::getline(sb, lb));
    if (!ha && !hb) return "they differ only in the final newline";
    if (!ha || !hb || la != lb)
      return fmt::format("first difference at line {}:\n  committed: {}\n  generated: {}", line,
                         ha ? la : "(end of file)", hb ? lb : "(end of file)");
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool check = argc == 3 && std::strcmp(argv[1], "--check") == 0;
  if (!(argc == 2 || check)) {
    std::cerr << "usage: mp_safety_matrix [--check] FILE\n";
    return 64;
  }
  const std::string path = argv[argc - 1];
  std::string matrix;
  try {
    matrix = mp::exporter::safety_matrix_markdown(mp::builtin::load());
  } catch (const std::exception& e) {
    std::cerr << "mp_safety_matrix: the built-in library does not load: " << e.what() << '\n';
    return 65;
  }
  if (check) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream committed;
    committed << in.rdbuf();
    if (in && committed.str() == matrix) return 0;
    std::cerr << fmt::format(
        "{} is out of date with the built-in library (routines/*.yaml).\n{}\n"
        "Regenerate it and review the diff:\n  {}\n",
        path, in ? first_difference(committed.str(), matrix) : "it cannot be read", kRegenerate);
    return 1;
  }
  std::ofstream out(path, std::ios::binary);
  out << matrix;
  out.close();
  if (!out) {
    std::cerr << "mp_safety_matrix: cannot write " << path << '\n';
    return 73;
  }
  return 0;
}
