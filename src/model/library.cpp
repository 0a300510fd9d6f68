#include "model/library.hpp"

#include <algorithm>

namespace mp::model {
namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& list, std::string_view id) {
  auto it = std::lower_bound(list.begin(), list.end(), id,
                             [](const T& e, std::string_view key) { return e.id < key; });
  return (it != list.end() && it->id == id) ? &*it : nullptr;
}
template <typename T>
void sort_list(std::vector<T>& list) {
  std::stable_sort(list.begin(), list.end(), [](const T& a, const T& b) { return a.id < b.id; });
}
}  // namespace

const Technique* Library::find_technique(std::string_view id) const {
  return find_by_id(techniques, id);
}
const Routine* Library::find_routine(std::string_view id) const { return find_by_id(routines, id); }
const Goal* Library::find_goal(std::string_view id) const { return find_by_id(goals, id); }
const Condition* Library::find_condition(std::string_view id) const {
  return find_by_id(conditions, id);
}
const Equipment* Library::find_equipment(std::string_view id) const {
  return find_by_id(equipment, id);
}
void Library::sort_by_id() {
  sort_list(techniques);
  sort_list(routines);
  sort_list(goals);
  sort_list(conditions);
  sort_list(equipment);
}

}  // namespace mp::model
