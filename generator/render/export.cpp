#include "render/export.hpp"

#include "render/format.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <future>
#include <initializer_list>
#include <charconv>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <string_view>

namespace parkpress::render {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

/// Appends one field, quoted when it must be; text that a spreadsheet would run as a formula
/// gets an apostrophe first.
void append_field(std::string& out, std::string_view v, bool numeric) {
    const bool formula =
        !numeric && !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r');
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
        if (formula) {
            out += '\'';
        }
        out += v;
        return;
    }
    out += '"';
    if (formula) {
        out += '\'';
    }
    for (const char c : v) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
}

/// Appends one record; `numeric` is a bit mask of the numeric fields.
void append_record(std::string& out, std::initializer_list<std::string_view> fields, std::uint32_t numeric) {
    std::size_t i = 0;
    for (const auto field : fields) {
        if (i > 0) {
            out += ',';
        }
        append_field(out, field, ((numeric >> i) & 1U) != 0);
        ++i;
    }
    out += "\r\n";
}

std::string source_title(const model::SiteModel& m, const std::string& key) {
    const model::Source* source = m.find_source(key);
    return source == nullptr ? "" : source->title;
}

std::string province_name_of(const model::SiteModel& m, const std::string& slug) {
    const auto it = m.provinces.find(slug);
    return it == m.provinces.end() ? slug : it->second.name;
}

/// Appends the facts.csv rows of one park.
void append_rows(std::string& out, const model::SiteModel& m, const model::Park& park) {
    constexpr std::uint32_t numeric = (1U << 7) | (1U << 9); // value, value_as_written
    const std::string province = province_name_of(m, park.province);
    for (const auto& f : park.facts) {
        const auto* ind = m.find_indicator(f.indicator);
        const auto v = display(f.quantity, f.qualifier, ind != nullptr ? ind->unit : f.quantity.unit);
        append_record(out, {"fact", park.slug, park.name, park.province, province, f.indicator,
                            ind != nullptr ? std::string_view(ind->name) : "", v.plain, v.unit,
                            plain_number(f.quantity.value), f.quantity.unit, model::to_string(f.qualifier),
                            model::to_string(f.period), model::to_string(m.basis_of(f)), f.source,
                            source_title(m, f.source), f.note},
                      numeric);
    }
    for (const auto& t : park.targets) {
        const auto* ind = m.find_indicator(t.indicator);
        const auto v = display(t.quantity, t.qualifier, ind != nullptr ? ind->unit : t.quantity.unit);
        append_record(out, {"target", park.slug, park.name, park.province, province, t.indicator,
                            ind != nullptr ? std::string_view(ind->name) : "", v.plain, v.unit,
                            plain_number(t.quantity.value), t.quantity.unit, model::to_string(t.qualifier),
                            std::to_string(t.by), "", t.source, source_title(m, t.source), t.note},
                      numeric);
    }
    for (const auto& r : park.ranks) {
        std::string note = r.system + " / " + r.cohort;
        if (r.of) {
            note += " / 共" + std::to_string(*r.of) + "个";
        }
        const std::string rank = std::to_string(r.rank);
        append_record(out, {"rank", park.slug, park.name, park.province, province, "", "", rank, "名", rank, "名", "",
                            r.period, "", r.source, source_title(m, r.source), note},
                      numeric);
    }
}

/// The parts of a download that an earlier build made, by the key of what each was made
/// from. Their index (`Sink::put_parts`) has a line "KEY OFFSET LENGTH" per part.
class OldParts {
public:
    OldParts(const ExportReuse* reuse, const std::string& path) {
        if (reuse == nullptr || !reuse->previous) {
            return;
        }
        auto previous = reuse->previous(path);
        if (!previous) {
            return;
        }
        m_hold = std::move(previous->hold);
        m_bytes = previous->bytes;
        m_parts = std::move(previous->parts);
        std::string_view index = m_parts;
        while (!index.empty()) {
            const std::size_t end = std::min(index.find('\n'), index.size());
            const std::string_view line = index.substr(0, end);
            index.remove_prefix(std::min(end + 1, index.size()));
            const std::size_t space = line.find(' ');
            if (space == std::string_view::npos) {
                continue;
            }
            std::size_t offset = 0;
            std::size_t length = 0;
            const char* last = line.data() + line.size();
            const auto first = std::from_chars(line.data() + space + 1, last, offset);
            if (first.ec != std::errc() || first.ptr == last ||
                std::from_chars(first.ptr + 1, last, length).ec != std::errc()) {
                continue;
            }
            if (offset <= m_bytes.size() && length <= m_bytes.size() - offset) {
                m_index.emplace(line.substr(0, space), std::make_pair(offset, length));
            }
        }
    }
    /// The size of the previous file.
    [[nodiscard]] std::size_t size() const { return m_bytes.size(); }
    /// The part made from inputs with this key, if there is one.
    [[nodiscard]] std::optional<std::string_view> find(const std::string& key) const {
        const auto it = key.empty() ? m_index.end() : m_index.find(key);
        if (it == m_index.end()) {
            return std::nullopt;
        }
        return m_bytes.substr(it->second.first, it->second.second);
    }

private:
    std::shared_ptr<const void> m_hold;
    std::string_view m_bytes;
    std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> m_index; ///< into `parts` of the file
    std::string m_parts;
};

/// A download made of a part per park, each taken from the earlier build when its key is
/// the same and made by `make` otherwise; `separator` goes between two parts.
class PartsWriter {
public:
    PartsWriter(const model::SiteModel& m, const ExportReuse* reuse, const std::string& path)
        : m_model(m), m_reuse(reuse), m_old(reuse, path) {}

    /// Parks [begin, end): their parts, with a separator before each but the first park's.
    struct Run {
        std::string bytes;
        std::vector<std::tuple<std::string, std::size_t, std::size_t>> parts; ///< key, offset, length
    };
    /// `head`: the text before the first part.
    template <typename Make>
    Run run(std::size_t begin, std::size_t end, std::string_view separator, const Make& make, std::string head = {}) const {
        Run out;
        out.bytes = std::move(head);
        // About as large as the same parks were in the previous file: reserved at once.
        if (const std::size_t count = m_model.parks.size(); count > 0) {
            out.bytes.reserve(out.bytes.size() + m_old.size() / count * (end - begin) + (end - begin) * 64);
        }
        out.parts.reserve(end - begin);
        // With no previous file, as large as the first parks suggest, reserved once they are
        // made: a download of tens of megabytes grown by doubling is faulted in twice over.
        const std::size_t sample = m_old.size() == 0 ? begin + std::min<std::size_t>(end - begin, 64) : end;
        const std::size_t head_size = out.bytes.size();
        for (std::size_t i = begin; i < end; ++i) {
            if (i == sample && i > begin) {
                const std::size_t made = out.bytes.size() - head_size;
                out.bytes.reserve(out.bytes.size() + made / (i - begin) * (end - i) * 5 / 4);
            }
            const model::Park& park = m_model.parks[i];
            if (i > 0) {
                out.bytes += separator;
            }
            const std::size_t start = out.bytes.size();
            std::string key = m_reuse != nullptr && m_reuse->park_key ? m_reuse->park_key(park) : std::string();
            if (const auto old = m_old.find(key)) {
                out.bytes += *old;
            } else {
                make(out.bytes, park);
            }
            out.parts.emplace_back(std::move(key), start, out.bytes.size() - start);
        }
        return out;
    }
    /// Appends `run` to `file`, and its parts to the file's index.
    static void append(ExportFile& file, Run&& run) {
        const std::size_t base = file.bytes.size();
        for (const auto& [key, offset, length] : run.parts) {
            if (!key.empty()) {
                file.parts += key;
                file.parts += fmt::format(" {} {}\n", base + offset, length);
            }
        }
        if (file.bytes.empty()) {
            file.bytes = std::move(run.bytes);
        } else {
            file.bytes += run.bytes;
        }
    }

private:
    const model::SiteModel& m_model;
    const ExportReuse* m_reuse;
    OldParts m_old;
};

ExportFile facts_csv(const model::SiteModel& m, const ExportReuse* reuse) {
    std::string head(k_bom);
    append_record(head,
                  {"type", "park", "park_name", "province", "province_name", "indicator", "indicator_name", "value",
                   "display_unit", "value_as_written", "unit_as_written", "qualifier", "period", "basis", "source",
                   "source_title", "note"},
                  0);
    const PartsWriter parts(m, reuse, "data/facts.csv");
    const auto rows = [&m](std::string& out, const model::Park& park) { append_rows(out, m, park); };
    // The largest download: its second half is made on another thread.
    const std::size_t half = m.parks.size() / 2;
    auto second = std::async(std::launch::async, [&] { return parts.run(half, m.parks.size(), "", rows); });
    ExportFile file;
    PartsWriter::Run first = parts.run(0, half, "", rows, std::move(head));
    PartsWriter::Run rest = second.get();
    first.bytes.reserve(first.bytes.size() + rest.bytes.size());
    PartsWriter::append(file, std::move(first));
    PartsWriter::append(file, std::move(rest));
    return file;
}

std::string parks_csv(const model::SiteModel& m) {
    std::string out(k_bom);
    out += csv_record({"park", "name", "name_en", "province", "province_name", "city", "kind", "kind_name", "level",
                       "parent", "founded", "industries", "area", "area_unit", "facts", "targets", "ranks"});
    for (const auto& p : m.parks) {
        std::string industries;
        for (const auto& i : p.industries) {
            industries += (industries.empty() ? "" : "、") + i;
        }
        const model::Kind* kind = m.find_kind(p.kind);
        out += csv_record({p.slug, p.name, p.name_en, p.province, province_name_of(m, p.province), p.city, p.kind,
                           kind != nullptr ? kind->name : "", model::to_string(p.level), p.parent,
                           p.founded ? std::to_string(*p.founded) : "", industries,
                           p.area ? plain_number(p.area->quantity.value) : "", p.area ? p.area->quantity.unit : "",
                           std::to_string(p.facts.size()), std::to_string(p.targets.size()), std::to_string(p.ranks.size())},
                          {false, false, false, false, false, false, false, false, false, false, true, false, true, false,
                           true, true, true});
    }
    return out;
}

/// A JSON object built member by member, in order, from keys known to differ. ordered_json's
/// own insertion looks for the key among those already there first, which is most of the
/// cost of 250,000 small objects at national scale.
class JsonObject {
public:
    explicit JsonObject(std::size_t members) : m_json(ordered_json::object()) { members_of().reserve(members); }
    JsonObject& add(const char* key, ordered_json value) {
        members_of().emplace_back(key, std::move(value));
        return *this;
    }
    ordered_json take() { return std::move(m_json); }

private:
    ordered_json::object_t::Container& members_of() { return m_json.get_ref<ordered_json::object_t&>(); }
    ordered_json m_json;
};

/// A figure's members shared by facts and targets, and `more` places for the rest.
JsonObject quantity_json(const model::SiteModel& m, const std::string& indicator, const model::Quantity& q,
                         model::Qualifier qualifier, std::size_t more) {
    const auto* ind = m.find_indicator(indicator);
    auto v = display(q, qualifier, ind != nullptr ? ind->unit : q.unit);
    JsonObject j(6 + more);
    j.add("indicator", indicator)
        .add("value", std::move(v.plain))
        .add("unit", std::move(v.unit))
        .add("value_as_written", plain_number(q.value))
        .add("unit_as_written", q.unit)
        .add("qualifier", model::to_string(qualifier));
    return j;
}

/// A park's record in parks.json.
ordered_json park_json(const model::SiteModel& m, const model::Park& p) {
    JsonObject park(15);
    park.add("slug", p.slug)
        .add("name", p.name)
        .add("name_en", p.name_en)
        .add("province", p.province)
        .add("city", p.city)
        .add("kind", p.kind)
        .add("level", model::to_string(p.level))
        .add("parent", p.parent)
        .add("founded", p.founded ? ordered_json(*p.founded) : ordered_json(nullptr))
        .add("industries", p.industries);
    if (p.area) {
        park.add("area", JsonObject(3)
                             .add("value", plain_number(p.area->quantity.value))
                             .add("unit", p.area->quantity.unit)
                             .add("source", p.area->source)
                             .take());
    } else {
        park.add("area", nullptr);
    }
    ordered_json facts = ordered_json::array();
    facts.get_ref<ordered_json::array_t&>().reserve(p.facts.size());
    for (const auto& f : p.facts) {
        JsonObject j = quantity_json(m, f.indicator, f.quantity, f.qualifier, 4);
        j.add("period", model::to_string(f.period))
            .add("basis", model::to_string(m.basis_of(f)))
            .add("source", f.source)
            .add("note", f.note);
        facts.push_back(j.take());
    }
    park.add("facts", std::move(facts));
    ordered_json targets = ordered_json::array();
    targets.get_ref<ordered_json::array_t&>().reserve(p.targets.size());
    for (const auto& t : p.targets) {
        JsonObject j = quantity_json(m, t.indicator, t.quantity, t.qualifier, 3);
        j.add("by", t.by).add("source", t.source).add("note", t.note);
        targets.push_back(j.take());
    }
    park.add("targets", std::move(targets));
    ordered_json ranks = ordered_json::array();
    for (const auto& r : p.ranks) {
        ranks.push_back(JsonObject(6)
                            .add("system", r.system)
                            .add("cohort", r.cohort)
                            .add("rank", r.rank)
                            .add("of", r.of ? ordered_json(*r.of) : ordered_json(nullptr))
                            .add("period", r.period)
                            .add("source", r.source)
                            .take());
    }
    park.add("ranks", std::move(ranks));
    return park.take();
}

ExportFile parks_json(const model::SiteModel& m, const ExportReuse* reuse,
                      const std::map<std::string, std::string>* updated) {
    ordered_json root;
    root["format"] = "parkpress-1";
    root["site"] = {{"title", m.site.title}, {"description", m.site.description}, {"language", m.site.language},
                    {"base_url", m.site.base_url}};
    ordered_json kinds = ordered_json::array();
    for (const auto& k : m.site.kinds) {
        kinds.push_back({{"key", k.key}, {"name", k.name}, {"name_en", k.name_en}});
    }
    root["kinds"] = std::move(kinds);
    ordered_json indicators = ordered_json::array();
    for (const auto& [key, i] : m.indicators) {
        indicators.push_back({{"key", key}, {"name", i.name}, {"name_en", i.name_en},
                              {"dimension", model::to_string(i.dimension)}, {"unit", i.unit},
                              {"basis", model::to_string(i.basis)}, {"better", model::to_string(i.better)},
                              {"description", i.description}});
    }
    root["indicators"] = std::move(indicators);
    ordered_json sources = ordered_json::array();
    for (const auto& [key, s] : m.sources) {
        sources.push_back({{"key", key}, {"title", s.title}, {"publisher", s.publisher},
                           {"date", model::to_string(s.date)}, {"url", s.url}});
    }
    root["sources"] = std::move(sources);
    ordered_json provinces = ordered_json::array();
    for (const auto& [slug, p] : m.provinces) {
        provinces.push_back({{"slug", slug}, {"name", p.name}, {"short", p.short_name}, {"name_en", p.name_en},
                             {"code", p.code}});
    }
    root["provinces"] = std::move(provinces);
    // The parks are dumped one per line, straight into the file's text, so that the whole
    // model is never one document in memory and a change to one park changes one line.
    std::string out = root.dump();
    out.pop_back(); // the closing brace: the parks and bulletins follow
    out += ",\n\"parks\":[\n";
    ExportFile file;
    const PartsWriter parts(m, reuse, "data/parks.json");
    PartsWriter::append(file, parts.run(0, m.parks.size(), ",\n", [&m, updated](std::string& text, const model::Park& p) {
        ordered_json park = park_json(m, p);
        // When the park's data file or narrative last changed (git), null when not known.
        const auto date = updated != nullptr ? updated->find(p.slug) : std::map<std::string, std::string>::const_iterator();
        park["updated"] = updated != nullptr && date != updated->end() ? ordered_json(date->second) : ordered_json(nullptr);
        text += park.dump();
    }, std::move(out)));
    ordered_json bulletins = ordered_json::array();
    for (const auto& b : m.bulletins) {
        bulletins.push_back({{"id", b.id}, {"title", b.title}, {"number", b.number}, {"date", model::to_string(b.date)},
                             {"provinces", b.provinces}, {"kinds", b.kinds}, {"parks", b.parks},
                             {"indicators", b.indicators}, {"period", model::to_string(b.period)}});
    }
    file.bytes += "\n],\n\"bulletins\":";
    file.bytes += bulletins.dump();
    file.bytes += "}\n";
    return file;
}

} // namespace

std::string csv_record(const std::vector<std::string>& fields, const std::vector<bool>& numeric) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        append_field(out, fields[i], i < numeric.size() && numeric[i]);
    }
    return out + "\r\n";
}

OutputFiles render_exports(const model::SiteModel& model) {
    OutputFiles out;
    for (const auto& [path, render] : export_tasks(model)) {
        out.emplace(path, render().bytes);
    }
    return out;
}

std::vector<ExportTask> export_tasks(const model::SiteModel& model, const ExportReuse* reuse,
                                     const std::map<std::string, std::string>* updated) {
    std::vector<ExportTask> tasks;
    tasks.emplace_back("data/facts.csv", [&model, reuse] { return facts_csv(model, reuse); });
    tasks.emplace_back("data/parks.csv", [&model] { return ExportFile{parks_csv(model), {}}; });
    tasks.emplace_back("data/parks.json", [&model, reuse, updated] { return parks_json(model, reuse, updated); });
    return tasks;
}

} // namespace parkpress::render
