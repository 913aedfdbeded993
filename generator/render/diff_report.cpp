#include "render/diff_report.hpp"

#include "core/text.hpp"
#include "render/format.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <string_view>

namespace parkpress::render {
namespace {

using compute::Change;
using compute::ContentDiff;
using Json = nlohmann::ordered_json;

// ---- shared -------------------------------------------------------------------------------

/// Text from content or the command line, safe on a terminal: valid UTF-8, line breaks and
/// tabs as spaces, other control characters (C0, DEL, C1: escape sequences) as "?".
std::string printable(std::string_view text) {
    const std::string valid = core::replace_invalid_utf8(text);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const auto c = static_cast<unsigned char>(valid[i]);
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
        } else if (c < 0x20 || c == 0x7f) {
            out += '?';
        } else if (c == 0xC2 && i + 1 < valid.size() && static_cast<unsigned char>(valid[i + 1]) < 0xA0) {
            out += '?'; // U+0080..U+009F
            ++i;
        } else {
            out += valid[i];
        }
    }
    return out;
}

std::string plural(std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string figure_text(const compute::Figure& f) { return display(f.quantity, f.qualifier, f.display_unit).text; }

std::string rank_text(const compute::RankState& r) {
    return r.of ? fmt::format("{} of {}", r.rank, *r.of) : std::to_string(r.rank);
}

std::string period_of(const compute::FactChange& c) { return model::to_string(c.period); }
std::string period_of(const compute::TargetChange& c) { return fmt::format("by {}", c.by); }

/// What else changed in a figure besides what its shown value says: "source a → b; note …".
template <typename Quote>
std::string other_fields(const compute::FigureChange& c, Quote quote) {
    if (c.change != Change::changed) {
        return "";
    }
    const compute::Figure& a = *c.before;
    const compute::Figure& b = *c.after;
    std::string out;
    auto add = [&](std::string_view field, const std::string& x, const std::string& y) {
        out += fmt::format("{}{} {} → {}", out.empty() ? "" : "; ", field, quote(x), quote(y));
    };
    for (const auto& field : c.fields) {
        if (field == "unit") {
            add("written", a.quantity.value.to_string() + a.quantity.unit, b.quantity.value.to_string() + b.quantity.unit);
        } else if (field == "basis") {
            add("basis", a.basis ? model::to_string(*a.basis) : "", b.basis ? model::to_string(*b.basis) : "");
        } else if (field == "source") {
            add("source", a.source, b.source);
        } else if (field == "note") {
            add("note", a.note, b.note);
        }
    }
    return out;
}

std::string rank_fields(const compute::RankChange& c) {
    if (c.change == Change::changed && c.before->source != c.after->source) {
        return fmt::format("source {} → {}", c.before->source, c.after->source);
    }
    return "";
}

using compute::ChangeCount;
using Totals = compute::DiffTotals;

/// "2 added, 1 changed".
std::string count_text(const ChangeCount& c) {
    std::string out;
    for (const auto& [n, word] : {std::pair{c.added, "added"}, {c.removed, "removed"}, {c.changed, "changed"}}) {
        if (n > 0) {
            out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, word);
        }
    }
    return out;
}

Json count_json(const ChangeCount& c) { return Json{{"added", c.added}, {"removed", c.removed}, {"changed", c.changed}}; }

std::string lines_text(const compute::LineCount& n) {
    return fmt::format("{} changed ({} added, {} removed)", plural(n.added + n.removed, "line"), n.added, n.removed);
}

std::string change_mark(Change c) { return c == Change::added ? "+" : c == Change::removed ? "-" : "~"; }

// ---- text ---------------------------------------------------------------------------------

std::string before_after(const std::string& a, const std::string& b) {
    return fmt::format("{} → {}", a.empty() ? "(none)" : printable(a), b.empty() ? "(none)" : printable(b));
}

std::string fields_text(const std::vector<compute::FieldChange>& fields) {
    std::string out;
    for (const auto& f : fields) {
        out += fmt::format("{}{} {}", out.empty() ? "" : "; ", f.field, before_after(f.before, f.after));
    }
    return out;
}

template <typename C>
void text_figure(std::string& out, std::string_view what, const C& c) {
    out += fmt::format("      {} {} {} {}, {}: ", change_mark(c.change), what, c.indicator, printable(c.indicator_name),
                       period_of(c));
    if (c.change == Change::changed) {
        out += fmt::format("{} → {}", printable(figure_text(*c.before)), printable(figure_text(*c.after)));
        const std::string other = other_fields(c, [](const std::string& s) { return s.empty() ? "(none)" : printable(s); });
        out += other.empty() ? "" : "; " + other;
    } else {
        out += printable(figure_text(c.after ? *c.after : *c.before));
    }
    out += '\n';
}

void text_park(std::string& out, const compute::ParkChange& p) {
    out += fmt::format("  {} {} {}{}\n", change_mark(p.change), p.slug, printable(p.name),
                       p.change == Change::added ? " (new park)" : p.change == Change::removed ? " (park removed)" : "");
    for (const auto& f : p.fields) {
        out += fmt::format("      ~ {}: {}\n", f.field, before_after(f.before, f.after));
    }
    for (const auto& f : p.facts) {
        text_figure(out, "fact", f);
    }
    for (const auto& t : p.targets) {
        text_figure(out, "target", t);
    }
    for (const auto& r : p.ranks) {
        out += fmt::format("      {} rank {} / {}, {}: ", change_mark(r.change), printable(r.system), printable(r.cohort),
                           printable(r.period));
        if (r.change == Change::changed) {
            const std::string other = rank_fields(r);
            out += fmt::format("{} → {}{}", rank_text(*r.before), rank_text(*r.after),
                               other.empty() ? "" : "; " + printable(other));
        } else {
            out += rank_text(r.after ? *r.after : *r.before);
        }
        out += '\n';
    }
    if (p.narrative) {
        out += fmt::format("      ~ narrative: {}\n", lines_text(*p.narrative));
    }
}

void text_entries(std::string& out, std::string_view heading, const std::vector<compute::EntryChange>& entries) {
    if (entries.empty()) {
        return;
    }
    out += fmt::format("\n{}\n", heading);
    for (const auto& e : entries) {
        out += fmt::format("  {} {} {}", change_mark(e.change), e.key, printable(e.name));
        std::string details = fields_text(e.fields);
        if (e.narrative) {
            details += (details.empty() ? "" : "; ") + std::string("narrative ") + lines_text(*e.narrative);
        }
        out += details.empty() ? "\n" : ": " + details + "\n";
    }
}

// ---- Markdown -----------------------------------------------------------------------------

/// Text from content as Markdown that shows it literally: one line, and a backslash before
/// every ASCII punctuation mark that Markdown, GitHub's tables or its math could read
/// (CommonMark lets any ASCII punctuation be escaped). Marks such as `,` `.` `-` `=` only mean
/// something at the start of a line, and no value starts one, so they are left alone.
std::string md(std::string_view text) {
    const std::string line = printable(text);
    std::string out;
    out.reserve(line.size());
    for (const char c : line) {
        if (std::string_view("\\`*_{}[]<>()#+!|~&:@$^").find(c) != std::string_view::npos) {
            out += '\\';
        }
        out += c;
    }
    return out;
}

std::string md_or_none(const std::string& text) { return text.empty() ? "*(none)*" : md(text); }

std::string md_fields(const std::vector<compute::FieldChange>& fields) {
    std::string out;
    for (const auto& f : fields) {
        out += fmt::format("{}{}: {} → {}", out.empty() ? "" : "; ", f.field, md_or_none(f.before), md_or_none(f.after));
    }
    return out;
}

template <typename C>
void md_figure(std::string& out, std::string_view what, const C& c) {
    out += fmt::format("| {} | {} {} (`{}`) | {} | {} | {} | {} |\n", to_string(c.change), what, md(c.indicator_name),
                       c.indicator, period_of(c), c.before ? md(figure_text(*c.before)) : "",
                       c.after ? md(figure_text(*c.after)) : "", other_fields(c, md_or_none));
}

void md_park(std::string& out, const compute::ParkChange& p) {
    out += fmt::format("\n### {} · {} (`{}`): {}\n\n", md(p.province_name), md(p.name), p.slug,
                       p.change == Change::added ? "new park" : p.change == Change::removed ? "park removed" : "changed");
    for (const auto& f : p.fields) {
        out += fmt::format("- {}: {} → {}\n", f.field, md_or_none(f.before), md_or_none(f.after));
    }
    if (p.narrative) {
        out += fmt::format("- narrative: {}\n", lines_text(*p.narrative));
    }
    if (p.facts.empty() && p.targets.empty() && p.ranks.empty()) {
        return;
    }
    if (!p.fields.empty() || p.narrative) {
        out += '\n';
    }
    out += "| change | figure | period | before | after | also changed |\n| --- | --- | --- | --- | --- | --- |\n";
    for (const auto& f : p.facts) {
        md_figure(out, "fact", f);
    }
    for (const auto& t : p.targets) {
        md_figure(out, "target", t);
    }
    for (const auto& r : p.ranks) {
        out += fmt::format("| {} | rank {} / {} | {} | {} | {} | {} |\n", to_string(r.change), md(r.system), md(r.cohort),
                           md(r.period), r.before ? rank_text(*r.before) : "", r.after ? rank_text(*r.after) : "",
                           md(rank_fields(r)));
    }
}

void md_entries(std::string& out, std::string_view heading, const std::vector<compute::EntryChange>& entries) {
    if (entries.empty()) {
        return;
    }
    out += fmt::format("\n### {}\n\n", heading);
    for (const auto& e : entries) {
        out += fmt::format("- {}: {} (`{}`)", to_string(e.change), md(e.name), e.key);
        std::string details = md_fields(e.fields);
        if (e.narrative) {
            details += (details.empty() ? "" : "; ") + std::string("narrative ") + lines_text(*e.narrative);
        }
        out += details.empty() ? "\n" : ": " + details + "\n";
    }
}

// ---- JSON ---------------------------------------------------------------------------------

Json json_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json json_side(const DiffSide& side) {
    return Json{{"revision", json_or_null(side.revision)},
                {"commit", json_or_null(side.commit)},
                {"working_tree", side.commit.empty()}};
}

Json json_fields(const std::vector<compute::FieldChange>& fields) {
    Json out = Json::array();
    for (const auto& f : fields) {
        out.push_back(Json{{"field", f.field}, {"before", f.before}, {"after", f.after}});
    }
    return out;
}

Json json_figure(const std::optional<compute::Figure>& f, bool with_basis) {
    if (!f) {
        return nullptr;
    }
    const DisplayValue shown = display(f->quantity, f->qualifier, f->display_unit);
    Json out{{"value", f->quantity.value.to_string()},
             {"unit", f->quantity.unit},
             {"qualifier", json_or_null(model::to_string(f->qualifier))}};
    if (with_basis) {
        out["basis"] = f->basis ? Json(model::to_string(*f->basis)) : Json(nullptr);
    }
    out["source"] = f->source;
    out["note"] = json_or_null(f->note);
    out["display"] = Json{{"text", shown.text}, {"value", shown.plain}, {"unit", shown.unit}};
    return out;
}

Json json_narrative(const std::optional<compute::LineCount>& n) {
    return n ? Json{{"lines_added", n->added}, {"lines_removed", n->removed}} : Json(nullptr);
}

Json json_park(const compute::ParkChange& p) {
    Json facts = Json::array();
    for (const auto& f : p.facts) {
        facts.push_back(Json{{"change", to_string(f.change)}, {"indicator", f.indicator}, {"indicator_name", f.indicator_name},
                             {"period", model::to_string(f.period)}, {"changed_fields", f.fields},
                             {"before", json_figure(f.before, true)}, {"after", json_figure(f.after, true)}});
    }
    Json targets = Json::array();
    for (const auto& t : p.targets) {
        targets.push_back(Json{{"change", to_string(t.change)}, {"indicator", t.indicator}, {"indicator_name", t.indicator_name},
                               {"by", t.by}, {"changed_fields", t.fields},
                               {"before", json_figure(t.before, false)}, {"after", json_figure(t.after, false)}});
    }
    Json ranks = Json::array();
    for (const auto& r : p.ranks) {
        auto state = [](const std::optional<compute::RankState>& s) {
            return s ? Json{{"rank", s->rank}, {"of", s->of ? Json(*s->of) : Json(nullptr)}, {"source", s->source}}
                     : Json(nullptr);
        };
        ranks.push_back(Json{{"change", to_string(r.change)}, {"system", r.system}, {"cohort", r.cohort},
                             {"period", r.period}, {"changed_fields", r.fields},
                             {"before", state(r.before)}, {"after", state(r.after)}});
    }
    return Json{{"change", to_string(p.change)}, {"slug", p.slug}, {"name", p.name}, {"province", p.province},
                {"province_name", p.province_name}, {"fields", json_fields(p.fields)}, {"facts", std::move(facts)},
                {"targets", std::move(targets)}, {"ranks", std::move(ranks)}, {"narrative", json_narrative(p.narrative)}};
}

Json json_entries(const std::vector<compute::EntryChange>& entries, bool with_narrative) {
    Json out = Json::array();
    for (const auto& e : entries) {
        Json j{{"change", to_string(e.change)}, {"key", e.key}, {"name", e.name}, {"fields", json_fields(e.fields)}};
        if (with_narrative) {
            j["narrative"] = json_narrative(e.narrative);
        }
        out.push_back(std::move(j));
    }
    return out;
}

} // namespace

std::string side_text(const DiffSide& side) {
    if (side.commit.empty()) {
        return "the working tree";
    }
    return fmt::format("{} ({})", printable(side.revision), side.commit.substr(0, 7));
}

std::string diff_summary(const ContentDiff& diff) {
    const Totals t(diff);
    std::vector<std::string> parts;
    if (t.parks.total() > 0) {
        std::string detail;
        for (const auto& [n, word] : {std::pair{t.parks.added, "added"}, {t.parks.removed, "removed"}}) {
            if (n > 0) {
                detail += fmt::format("{}{} {}", detail.empty() ? "" : ", ", n, word);
            }
        }
        parts.push_back(fmt::format("{} changed{}", plural(t.parks.total(), "park"), detail.empty() ? "" : " (" + detail + ")"));
    }
    for (const auto& [tally, name] : {std::pair{&t.facts, "facts"}, {&t.targets, "targets"}, {&t.ranks, "ranks"}}) {
        if (tally->total() > 0) {
            parts.push_back(fmt::format("{}: {}", name, count_text(*tally)));
        }
    }
    if (t.narratives > 0) {
        parts.push_back(fmt::format("narratives: {} edited, {} added, {} removed", t.narratives,
                                    plural(t.lines_added, "line"), t.lines_removed));
    }
    for (const auto& [tally, name] : {std::pair{&t.sources, "sources"}, {&t.indicators, "indicators"},
                                      {&t.provinces, "provinces"}, {&t.bulletins, "bulletins"}}) {
        if (tally->total() > 0) {
            parts.push_back(fmt::format("{}: {}", name, count_text(*tally)));
        }
    }
    if (t.site_fields > 0) {
        parts.push_back(fmt::format("site.toml: {} changed", plural(t.site_fields, "field")));
    }
    if (parts.empty()) {
        return "no changes";
    }
    std::string out;
    for (const auto& p : parts) {
        out += (out.empty() ? "" : "; ") + p;
    }
    return out;
}

std::string diff_text(const ContentDiff& diff, const DiffSide& from, const DiffSide& to) {
    if (diff.empty()) {
        return fmt::format("no changes from {} to {}\n", side_text(from), side_text(to));
    }
    std::string out = fmt::format("changes from {} to {}\n", side_text(from), side_text(to));
    const std::string* province = nullptr;
    for (const auto& p : diff.parks) {
        if (province == nullptr || *province != p.province) {
            province = &p.province;
            out += fmt::format("\n{} {}\n", printable(p.province_name), p.province);
        }
        text_park(out, p);
    }
    if (!diff.site.empty()) {
        out += "\nsite.toml\n";
        for (const auto& f : diff.site) {
            out += fmt::format("  ~ {}: {}\n", f.field, before_after(f.before, f.after));
        }
    }
    text_entries(out, "provinces", diff.provinces);
    text_entries(out, "indicators", diff.indicators);
    text_entries(out, "sources", diff.sources);
    text_entries(out, "bulletins", diff.bulletins);
    out += fmt::format("\n{}\n", diff_summary(diff));
    return out;
}

std::string diff_markdown(const ContentDiff& diff, const DiffSide& from, const DiffSide& to) {
    auto side = [](const DiffSide& s) {
        return s.commit.empty() ? std::string("the working tree") : fmt::format("{} ({})", md(s.revision), s.commit.substr(0, 7));
    };
    std::string out = fmt::format("## Content changes from {} to {}\n\n", side(from), side(to));
    if (diff.empty()) {
        return out + "No changes.\n";
    }
    out += fmt::format("**{}**\n", diff_summary(diff));
    for (const auto& p : diff.parks) {
        md_park(out, p);
    }
    if (!diff.site.empty()) {
        out += "\n### site.toml\n\n";
        for (const auto& f : diff.site) {
            out += fmt::format("- {}: {} → {}\n", f.field, md_or_none(f.before), md_or_none(f.after));
        }
    }
    md_entries(out, "Provinces", diff.provinces);
    md_entries(out, "Indicators", diff.indicators);
    md_entries(out, "Sources", diff.sources);
    md_entries(out, "Bulletins", diff.bulletins);
    return out;
}

std::string diff_json(const ContentDiff& diff, const DiffSide& from, const DiffSide& to) {
    const Totals t(diff);
    Json summary{{"text", diff_summary(diff)},
                 {"parks", count_json(t.parks)},
                 {"facts", count_json(t.facts)},
                 {"targets", count_json(t.targets)},
                 {"ranks", count_json(t.ranks)},
                 {"narratives", Json{{"edited", t.narratives}, {"lines_added", t.lines_added}, {"lines_removed", t.lines_removed}}},
                 {"provinces", count_json(t.provinces)},
                 {"indicators", count_json(t.indicators)},
                 {"sources", count_json(t.sources)},
                 {"bulletins", count_json(t.bulletins)},
                 {"site_fields", t.site_fields}};
    Json parks = Json::array();
    for (const auto& p : diff.parks) {
        parks.push_back(json_park(p));
    }
    const Json out{{"format", "parkpress-diff"},
                   {"version", 1},
                   {"from", json_side(from)},
                   {"to", json_side(to)},
                   {"empty", diff.empty()},
                   {"summary", std::move(summary)},
                   {"parks", std::move(parks)},
                   {"site", json_fields(diff.site)},
                   {"provinces", json_entries(diff.provinces, false)},
                   {"indicators", json_entries(diff.indicators, false)},
                   {"sources", json_entries(diff.sources, false)},
                   {"bulletins", json_entries(diff.bulletins, true)}};
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace parkpress::render
