#include "library/snapshot.hpp"

#include <bit>
#include <cstdint>
#include <map>
#include <optional>
#include <type_traits>

namespace mp::library {
namespace {

// ---- The field lists: the one place that names what a snapshot holds ----
// Each lists every member of its type, in one order, for writing and reading alike. A new
// model field is one more name here; test_builtin.cpp fails if one is forgotten (the compiled
// built-in library must equal the one loaded from YAML, compared with each type's ==).

template <typename T, typename U>
concept Is = std::is_same_v<std::remove_const_t<T>, U>;

template <typename Io, Is<SourceLocation> T>
void fields(Io& io, T& v) {
  io(v.file, v.line, v.column);
}
template <typename Io, Is<model::ExclusionRule> T>
void fields(Io& io, T& v) {
  io(v.kind, v.performer, v.intensity, v.regions, v.movements, v.positions, v.equipment,
     v.technique, v.where);
}
template <typename Io, Is<model::ExclusionReason> T>
void fields(Io& io, T& v) {
  io(v.condition, v.rule, v.why, v.undeclared);
}
template <typename Io, Is<model::Goal> T>
void fields(Io& io, T& v) {
  io(v.id, v.name, v.description, v.weekly_target_minutes, v.where);
}
template <typename Io, Is<model::Condition> T>
void fields(Io& io, T& v) {
  io(v.id, v.name, v.red_flag, v.urgent, v.advice, v.excludes, v.where);
}
template <typename Io, Is<model::Equipment> T>
void fields(Io& io, T& v) {
  io(v.id, v.name, v.description, v.household, v.where);
}
template <typename Io, Is<model::Duration> T>
void fields(Io& io, T& v) {
  io(v.min, v.default_minutes, v.max);
}
template <typename Io, Is<model::Frequency> T>
void fields(Io& io, T& v) {
  io(v.max_per_week, v.min_rest_hours);
}
template <typename Io, Is<model::Step> T>
void fields(Io& io, T& v) {
  io(v.text, v.seconds, v.sides, v.repeat, v.rest);
}
template <typename Io, Is<model::HeadPose> T>
void fields(Io& io, T& v) {
  io(v.turn, v.tilt, v.nod, v.chin_tucked);
}
template <typename Io, Is<model::FigureArrow> T>
void fields(Io& io, T& v) {
  io(v.at, v.direction);
}
template <typename Io, Is<model::Figure> T>
void fields(Io& io, T& v) {
  io(v.view, v.position, v.head, v.trunk, v.left_arm, v.right_arm, v.legs, v.props, v.arrows,
     v.target, v.side, v.where);
}
template <typename Io, Is<model::Technique> T>
void fields(Io& io, T& v) {
  io(v.id, v.name, v.description, v.kind, v.performer, v.regions, v.muscles, v.goals, v.duration,
     v.frequency, v.intensity, v.movements, v.positions, v.phase, v.time_of_day, v.with_exercise,
     v.equipment, v.contraindications, v.declared_contraindications, v.exclusions, v.dose, v.steps,
     v.cautions, v.sources, v.figure, v.where);
}
template <typename Io, Is<model::RoutineStep> T>
void fields(Io& io, T& v) {
  io(v.technique, v.minutes, v.where);
}
template <typename Io, Is<model::Routine> T>
void fields(Io& io, T& v) {
  io(v.id, v.name, v.description, v.steps, v.where);
}
template <typename Io, Is<Reference> T>
void fields(Io& io, T& v) {
  io(v.target, v.id, v.where, v.owner, v.minutes);
}
template <typename Io, typename T>
requires requires(T& v) {
  v.value;
  v.references;
}
void fields(Io& io, T& v) { io(v.value, v.references); }
template <typename Io, Is<SourceEntries> T>
void fields(Io& io, T& v) {
  io(v.techniques, v.routines, v.goals, v.conditions, v.equipment);
}

// "mp-snapshot" and a format number: bump it when the encoding (not the fields) changes.
constexpr std::string_view kMagic = "mp-snapshot-1\n";

// ---- Writing: unsigned numbers as LEB128, signed ones zigzagged, doubles as their bits ----
class Writer {
 public:
  std::string out;

  template <typename... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }

 private:
  void unsigned_number(std::uint64_t n) {
    while (n >= 0x80) {
      out.push_back(static_cast<char>((n & 0x7f) | 0x80));
      n >>= 7;
    }
    out.push_back(static_cast<char>(n));
  }
  void put(bool b) { unsigned_number(b ? 1 : 0); }
  void put(int n) {
    auto v = static_cast<std::int64_t>(n);
    unsigned_number((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void put(std::size_t n) { unsigned_number(n); }
  template <typename T>
  void put(const std::optional<T>& o) {
    put(o.has_value());
    if (o) put(*o);
  }
  void put(double d) {
    auto bits = std::bit_cast<std::uint64_t>(d);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
  }
  void put(const std::string& s) {
    unsigned_number(s.size());
    out += s;
  }
  template <typename E>
  requires std::is_enum_v<E>
  void put(E e) { put(static_cast<int>(e)); }
  template <typename T>
  void put(const std::vector<T>& list) {
    unsigned_number(list.size());
    for (const auto& v : list) put(v);
  }
  template <typename K, typename V>
  void put(const std::map<K, V>& map) {
    unsigned_number(map.size());
    for (const auto& [k, v] : map) {
      put(k);
      put(v);
    }
  }
  template <typename T>
  requires(std::is_class_v<T>) void put(const T& v) { fields(*this, v); }
};

// ---- Reading: the mirror image, checking every length against what is left ----
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  template <typename... T>
  void operator()(T&... values) {
    (get(values), ...);
  }
  [[nodiscard]] bool at_end() const { return pos_ == in_.size(); }

 private:
  [[noreturn]] static void damaged() {
    throw Error(ExitCode::kDataErr,
                "the built-in library's compiled form is damaged (rebuild massage-plan)");
  }
  std::uint64_t unsigned_number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) damaged();
      auto byte = static_cast<unsigned char>(in_[pos_++]);
      n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return n;
    }
    damaged();
  }
  std::size_t count() {
    auto n = unsigned_number();
    if (n > in_.size() - pos_) damaged();  // every item takes at least one byte
    return static_cast<std::size_t>(n);
  }
  void get(bool& b) { b = unsigned_number() != 0; }
  void get(int& n) {
    auto z = unsigned_number();
    n = static_cast<int>(static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1));
  }
  void get(std::size_t& n) { n = static_cast<std::size_t>(unsigned_number()); }
  template <typename T>
  void get(std::optional<T>& o) {
    bool present = false;
    get(present);
    if (!present) {
      o.reset();
      return;
    }
    o.emplace();
    get(*o);
  }
  void get(double& d) {
    if (in_.size() - pos_ < 8) damaged();
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i)
      bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[pos_++])) << (8 * i);
    d = std::bit_cast<double>(bits);
  }
  void get(std::string& s) {
    auto n = count();
    s.assign(in_.substr(pos_, n));
    pos_ += n;
  }
  template <typename E>
  requires std::is_enum_v<E>
  void get(E& e) {
    int n = 0;
    get(n);
    e = static_cast<E>(n);
  }
  template <typename T>
  void get(std::vector<T>& list) {
    list.resize(count());
    for (auto& v : list) get(v);
  }
  template <typename K, typename V>
  void get(std::map<K, V>& map) {
    map.clear();
    for (std::size_t n = count(); n > 0; --n) {
      K k{};
      V v{};
      get(k);
      get(v);
      map.emplace_hint(map.end(), std::move(k), std::move(v));
    }
  }
  template <typename T>
  requires(std::is_class_v<T>) void get(T& v) { fields(*this, v); }

  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string encode_entries(const SourceEntries& entries) {
  Writer w;
  w.out = kMagic;
  w(entries);
  return std::move(w.out);
}

SourceEntries decode_entries(std::string_view bytes) {
  if (!bytes.starts_with(kMagic))
    throw Error(ExitCode::kDataErr,
                "the built-in library's compiled form is of another version (rebuild "
                "massage-plan)");
  Reader r(bytes.substr(kMagic.size()));
  SourceEntries entries;
  r(entries);
  if (!r.at_end())
    throw Error(ExitCode::kDataErr,
                "the built-in library's compiled form is damaged (rebuild massage-plan)");
  return entries;
}

}  // namespace mp::library
