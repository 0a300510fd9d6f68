#pragma once
// Small text checks the export tests share.
#include <string_view>

namespace mp::test {

/// How often needle occurs in haystack, not overlapping.
inline int count(std::string_view haystack, std::string_view needle) {
  int n = 0;
  for (auto pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + needle.size()))
    ++n;
  return n;
}

}  // namespace mp::test
