#include "builtin/builtin.hpp"

#include "builtin/compiled.hpp"
#include "library/snapshot.hpp"

namespace mp::builtin {

library::Source source() {
  const Compiled c = compiled();
  library::Source s{"built-in", {}, {}};
  s.files.reserve(c.files.size());
  for (auto name : c.files) s.files.push_back(library::FileText{std::string(name), {}});
  s.compiled = [snapshot = c.snapshot] { return library::decode_entries(snapshot); };
  return s;
}

model::Library load() { return library::load_sources({source()}).library; }

model::Library load_with_text(std::string_view text, const std::string& name) {
  return library::load_sources(
             {source(), library::Source{name, {library::FileText{name, std::string(text)}}, {}}})
      .library;
}

}  // namespace mp::builtin
