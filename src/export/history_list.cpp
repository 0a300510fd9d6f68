// `history`: every entry, as lines for a person, or JSON / CSV for a backup or a therapist.
#include <fmt/format.h>

#include <ostream>

#include "export/csv_field.hpp"
#include "export/json_writer.hpp"
#include "export/report.hpp"
#include "export/utf8.hpp"

namespace mp::exporter {
namespace {

std::string_view kind_word(model::EntryKind k) {
  return model::kEntryKindNames[static_cast<std::size_t>(k)];
}

std::string time_of(const model::Entry& e) {
  return e.minute ? model::format_time(*e.minute) : std::string();
}

const model::SavedSession* session_of(const model::Entry& e, const SessionsById& sessions) {
  if (!e.session) return nullptr;
  auto it = sessions.find(*e.session);
  return it == sessions.end() ? nullptr : &it->second;
}

std::string techniques_of(const model::Entry& e, const model::SavedSession* s) {
  std::string out;
  auto add = [&](const std::string& t) { out += (out.empty() ? "" : " ") + t; };
  if (s)
    for (const auto& i : s->items) add(i.technique);
  for (const auto& t : e.techniques) add(t.technique);
  return out;
}

std::string symptoms_of(const model::Symptoms& s) {
  std::string out;
  auto add = [&](std::string_view name, const std::optional<int>& v) {
    if (v) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, *v);
  };
  add("pain", s.pain);
  add("headache", s.headache);
  add("stress", s.stress);
  return out;
}

template <class T>
std::string opt(const std::optional<T>& v) {
  return v ? fmt::format("{}", *v) : std::string();
}

void optional_int(JsonWriter& json, const std::optional<int>& v) {
  if (v)
    json.value(*v);
  else
    json.null();
}

}  // namespace

std::optional<HistoryFormat> parse_history_format(std::string_view word) {
  if (word == "text") return HistoryFormat::kText;
  if (word == "json") return HistoryFormat::kJson;
  if (word == "csv") return HistoryFormat::kCsv;
  return std::nullopt;
}

std::string describe_entry(const model::Entry& e, const model::SavedSession* s) {
  std::string out;
  if (e.kind == model::EntryKind::kPause) {
    out = "pause " + model::format_date(e.date) + " to " +
          (e.until ? model::format_date(*e.until) : model::format_date(e.date));
  } else if (e.kind == model::EntryKind::kCheckIn) {
    out = "check-in " + model::format_date(e.date);
    if (auto sym = symptoms_of(e.symptoms); !sym.empty()) out += ": " + sym;
  } else {
    out = fmt::format("{} {}", kind_word(e.kind), model::format_date(e.date));
    if (s)
      out += fmt::format(" session {} ({} item{}, {} min)", model::format_time(s->start_minute),
                         s->items.size(), s->items.size() == 1 ? "" : "s", s->minutes());
    else if (e.session)
      out += " a session no longer saved";
    for (std::size_t i = 0; i < e.techniques.size(); ++i) {
      const auto& t = e.techniques[i];
      out += (i == 0 ? ": " : ", ") + t.technique;
      if (e.kind == model::EntryKind::kDone) out += fmt::format(" {} min", t.minutes);
    }
    if (e.minutes) out += fmt::format(", {} min done", *e.minutes);
    if (e.rating) out += fmt::format(", rated {}/5", *e.rating);
  }
  if (!e.reason.empty()) out += " (reason: " + e.reason + ")";
  if (!e.note.empty()) out += " (note: " + e.note + ")";
  return printable(out, false);
}

void write_history(std::ostream& out, HistoryFormat format,
                   const std::vector<model::Entry>& entries, const SessionsById& sessions) {
  if (format == HistoryFormat::kText) {
    for (const auto& e : entries)
      out << fmt::format("{:>5}  {}\n", e.id, describe_entry(e, session_of(e, sessions)));
    return;
  }
  if (format == HistoryFormat::kCsv) {
    out << "id,kind,date,time,session_start,techniques,minutes,rating,pain,headache,stress,"
           "note,reason,recorded_at\r\n";
    for (const auto& e : entries) {
      const auto* s = session_of(e, sessions);
      std::string minutes = opt(e.minutes);
      if (!e.minutes && e.kind == model::EntryKind::kDone) {
        int m = s ? s->minutes() : 0;
        for (const auto& t : e.techniques) m += t.minutes;
        minutes = std::to_string(m);
      }
      std::vector<std::string> fields{std::to_string(e.id),
                                      std::string(kind_word(e.kind)),
                                      model::format_date(e.date),
                                      time_of(e),
                                      s ? model::format_time(s->start_minute) : "",
                                      techniques_of(e, s),
                                      minutes,
                                      opt(e.rating),
                                      opt(e.symptoms.pain),
                                      opt(e.symptoms.headache),
                                      opt(e.symptoms.stress),
                                      e.note,
                                      e.reason,
                                      e.recorded_at};
      for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
      out << "\r\n";
    }
    return;
  }
  JsonWriter json(out);
  json.begin_array();
  for (const auto& e : entries) {
    const auto* s = session_of(e, sessions);
    json.begin_object();
    json.key("id").value(e.id);
    json.key("kind").value(kind_word(e.kind));
    json.key("date").value(model::format_date(e.date));
    if (e.until) json.key("until").value(model::format_date(*e.until));  // v3: a pause's last day
    json.key("time");
    if (e.minute)
      json.value(model::format_time(*e.minute));
    else
      json.null();
    json.key("session");
    if (s) {
      json.begin_object();
      json.key("start").value(model::format_time(s->start_minute));
      json.key("items").begin_array();
      for (const auto& i : s->items) {
        json.begin_object();
        json.key("technique").value(i.technique);
        json.key("minutes").value(i.minutes);
        json.end_object();
      }
      json.end_array();
      json.end_object();
    } else {
      json.null();
    }
    json.key("techniques").begin_array();
    for (const auto& t : e.techniques) {
      json.begin_object();
      json.key("technique").value(t.technique);
      json.key("minutes").value(t.minutes);
      json.end_object();
    }
    json.end_array();
    json.key("minutes");
    optional_int(json, e.minutes);
    json.key("rating");
    optional_int(json, e.rating);
    json.key("symptoms").begin_object();
    json.key("pain");
    optional_int(json, e.symptoms.pain);
    json.key("headache");
    optional_int(json, e.symptoms.headache);
    json.key("stress");
    optional_int(json, e.symptoms.stress);
    json.end_object();
    json.key("note").value(e.note);
    json.key("reason").value(e.reason);
    json.key("recorded_at").value(e.recorded_at);
    json.end_object();
  }
  json.end_array();
  json.finish();
}

}  // namespace mp::exporter
