#include "guide/player.hpp"

#include <algorithm>

namespace mp::guide {
namespace {

constexpr std::int64_t kMs = 1000;
// `b` within this much of a cue's start goes to the cue before; later it restarts the cue.
constexpr std::int64_t kBackRestartMs = 3000;

std::int64_t start_ms(const Cue& c) { return std::int64_t{c.at} * kMs; }
std::int64_t end_ms(const Cue& c) { return std::int64_t{c.at + c.seconds} * kMs; }

}  // namespace

std::optional<Key> key_of(char c) {
  switch (c) {
    case ' ':
      return Key::kPause;
    case 'n':
    case 'N':
      return Key::kNext;
    case 'b':
    case 'B':
      return Key::kBack;
    case 's':
    case 'S':
      return Key::kSkip;
    case 'q':
    case 'Q':
      return Key::kQuit;
    case '?':
      return Key::kHelp;
    default:
      return std::nullopt;
  }
}

int TechniqueResult::minutes() const {
  const int m = static_cast<int>((spent_ms + 30 * kMs) / (60 * kMs));
  return done ? std::max(1, m) : m;
}

Player::Player(Timeline timeline) : timeline_(std::move(timeline)) {
  int t = -1;
  for (const auto& cue : timeline_.cues) {
    if (cue.kind == CueKind::kTechnique) {
      ++t;
      results_.push_back(TechniqueResult{cue.technique, 0, 0, false, false});
      ends_.push_back(start_ms(cue));
    }
    technique_.push_back(t);
    if (t >= 0) {
      ends_[static_cast<std::size_t>(t)] =
          std::max(ends_[static_cast<std::size_t>(t)], end_ms(cue));
      results_[static_cast<std::size_t>(t)].planned_minutes += cue.seconds;  // seconds for now
    }
  }
  for (auto& r : results_) r.planned_minutes /= 60;
  current_ = cue_at(0);
}

std::size_t Player::cue_at(std::int64_t position) const {
  for (std::size_t i = 0; i < timeline_.cues.size(); ++i) {
    const Cue& c = timeline_.cues[i];
    if (c.seconds > 0 && start_ms(c) <= position && position < end_ms(c)) return i;
  }
  return timeline_.cues.size();
}

int Player::technique_of(std::size_t cue) const {
  return cue < technique_.size() ? technique_[cue] : -1;
}

void Player::finish_up_to(std::int64_t position) {
  for (std::size_t t = 0; t < results_.size(); ++t)
    if (!results_[t].skipped && ends_[t] <= position) results_[t].done = true;
}

bool Player::jump(std::int64_t position) {
  position_ = position;
  current_ = cue_at(position_);
  if (const int t = technique_of(current_); t >= 0)
    results_[static_cast<std::size_t>(t)].skipped = false;
  finish_up_to(position_);
  return true;
}

bool Player::advance(std::int64_t now_ms) {
  const std::int64_t delta = std::max<std::int64_t>(0, now_ms - last_now_);
  last_now_ = std::max(last_now_, now_ms);
  if (paused_ || quit_ || finished()) return false;
  const std::int64_t target = position_ + delta;
  bool changed = false;
  while (position_ < target && !finished()) {
    const Cue& c = timeline_.cues[current_];
    const std::int64_t step = std::min(target, end_ms(c)) - position_;
    if (const int t = technique_of(current_); t >= 0)
      results_[static_cast<std::size_t>(t)].spent_ms += step;
    position_ += step;
    if (position_ >= end_ms(c)) {
      current_ = cue_at(position_);
      finish_up_to(position_);
      changed = true;
    }
  }
  return changed;
}

bool Player::press(Key key, std::int64_t now_ms) {
  advance(now_ms);
  if (finished() || quit_) return false;
  const Cue& c = timeline_.cues[current_];
  switch (key) {
    case Key::kPause:
      paused_ = !paused_;
      return false;
    case Key::kHelp:
      help_ = !help_;
      return false;
    case Key::kQuit:
      quit_ = true;
      return false;
    case Key::kNext:
      if (const Cue* n = next()) return jump(start_ms(*n));
      return jump(std::int64_t{timeline_.total_seconds} * kMs);
    case Key::kBack: {
      if (position_ - start_ms(c) > kBackRestartMs) return jump(start_ms(c));
      for (std::size_t i = current_; i-- > 0;)
        if (timeline_.cues[i].seconds > 0) return jump(start_ms(timeline_.cues[i]));
      return jump(start_ms(c));
    }
    case Key::kSkip: {
      const int t = technique_of(current_);
      if (t < 0) return jump(end_ms(c));  // the get-ready countdown: start now
      auto& r = results_[static_cast<std::size_t>(t)];
      r.skipped = true;
      r.done = false;
      const std::int64_t end = ends_[static_cast<std::size_t>(t)];
      position_ = end;
      current_ = cue_at(end);
      finish_up_to(end);
      return true;
    }
  }
  return false;
}

const Cue* Player::heading() const {
  const int t = technique_of(current_);
  if (t < 0) return nullptr;
  for (std::size_t i = current_ + 1; i-- > 0;)
    if (timeline_.cues[i].kind == CueKind::kTechnique) return &timeline_.cues[i];
  return nullptr;
}

const Cue* Player::next() const {
  for (std::size_t i = current_ + 1; i < timeline_.cues.size(); ++i)
    if (timeline_.cues[i].seconds > 0) return &timeline_.cues[i];
  return nullptr;
}

int Player::technique_number() const { return finished() ? 0 : technique_of(current_) + 1; }

std::int64_t Player::cue_left_ms() const {
  return finished() ? 0 : end_ms(timeline_.cues[current_]) - position_;
}

std::int64_t Player::session_left_ms() const {
  return std::max<std::int64_t>(0, std::int64_t{timeline_.total_seconds} * kMs - position_);
}

std::int64_t Player::wake_in_ms() const {
  if (paused_ || quit_ || finished()) return -1;
  const std::int64_t left = cue_left_ms();
  const std::int64_t to_second = left % kMs;
  return to_second == 0 ? std::min(kMs, left) : to_second;
}

bool Player::began() const {
  if (finished() || technique_of(current_) >= 0) return true;
  return std::any_of(results_.begin(), results_.end(),
                     [](const TechniqueResult& r) { return r.done || r.skipped; });
}

}  // namespace mp::guide
