#include "render/changes.hpp"

#include "render/context.hpp"
#include "render/format.hpp"
#include "render/urls.hpp"

#include <fmt/core.h>

#include <charconv>
#include <map>

namespace parkpress::render {
namespace {

using compute::Change;
namespace pd = pandoc;

/// Puts a text that templates test with {{#key}}: only when it is not empty.
void put_text(Data& d, const std::string& key, const std::string& text) {
    if (!text.empty()) {
        put(d, key, text);
    }
}

std::string change_name(Change c) { return c == Change::added ? "新增" : c == Change::removed ? "删除" : "修改"; }

std::string short_id(const std::string& id) { return id.substr(0, 7); }

/// "2024-01-03" as "2024年1月3日"; as it is when it is not such a date.
std::string commit_date(const std::string& date) {
    model::Date d;
    const char* p = date.data();
    const char* end = p + date.size();
    if (date.size() == 10 && std::from_chars(p, p + 4, d.year).ec == std::errc() &&
        std::from_chars(p + 5, p + 7, d.month).ec == std::errc() &&
        std::from_chars(p + 8, end, d.day).ec == std::errc()) {
        return date_text(d);
    }
    return date;
}

std::string source_title(const model::SiteModel& model, const std::string& key) {
    const auto it = model.sources.find(key);
    return it == model.sources.end() ? key : it->second.title;
}

/// One figure that changed, as the page and the PDF show it.
struct Row {
    std::string change; ///< 新增 / 删除 / 修改
    std::string kind;   ///< 事实 / 目标 / 排名
    std::string item;   ///< the indicator's name, or the rank's system and cohort
    std::string indicator; ///< its key (facts and targets)
    std::string period;
    std::string before;
    std::string after;
    std::string source;
    std::string note; ///< what else changed: the unit written, the basis, the note
};

std::string figure_text(const compute::Figure& f) { return display(f.quantity, f.qualifier, f.display_unit).text; }

std::string rank_text(const compute::RankState& r) {
    return r.of ? fmt::format("第{}名（共{}）", r.rank, *r.of) : fmt::format("第{}名", r.rank);
}

template <typename State>
std::string source_of(const model::SiteModel& model, const std::optional<State>& before, const std::optional<State>& after) {
    if (before && after && before->source != after->source) {
        return source_title(model, before->source) + " → " + source_title(model, after->source);
    }
    return source_title(model, after ? after->source : before->source);
}

Row figure_row(const model::SiteModel& model, const compute::FigureChange& c, std::string kind, std::string period) {
    Row row;
    row.change = change_name(c.change);
    row.kind = std::move(kind);
    row.item = c.indicator_name.empty() ? c.indicator : c.indicator_name;
    row.indicator = c.indicator;
    row.period = std::move(period);
    row.before = c.before ? figure_text(*c.before) : "";
    row.after = c.after ? figure_text(*c.after) : "";
    row.source = source_of(model, c.before, c.after);
    for (const auto& field : c.fields) {
        const compute::Figure& a = *c.before;
        const compute::Figure& b = *c.after;
        std::string text;
        if (field == "unit") {
            text = fmt::format("原文 {}{} → {}{}", a.quantity.value.to_string(), a.quantity.unit,
                               b.quantity.value.to_string(), b.quantity.unit);
        } else if (field == "basis") {
            text = fmt::format("口径 {} → {}", a.basis ? basis_name(*a.basis) : "", b.basis ? basis_name(*b.basis) : "");
        } else if (field == "note") {
            text = fmt::format("备注 {} → {}", a.note.empty() ? "（无）" : a.note, b.note.empty() ? "（无）" : b.note);
        }
        if (!text.empty()) {
            row.note += (row.note.empty() ? "" : "；") + text;
        }
    }
    return row;
}

std::vector<Row> rows_of(const model::SiteModel& model, const compute::ParkChange& p) {
    std::vector<Row> rows;
    for (const auto& f : p.facts) {
        rows.push_back(figure_row(model, f, "事实", period_text(f.period)));
    }
    for (const auto& t : p.targets) {
        rows.push_back(figure_row(model, t, "目标", fmt::format("{}年目标", t.by)));
    }
    for (const auto& r : p.ranks) {
        Row row;
        row.change = change_name(r.change);
        row.kind = "排名";
        row.item = fmt::format("{}（{}）", r.system, r.cohort);
        row.period = r.period;
        row.before = r.before ? rank_text(*r.before) : "";
        row.after = r.after ? rank_text(*r.after) : "";
        row.source = source_of(model, r.before, r.after);
        rows.push_back(std::move(row));
    }
    return rows;
}

Data row_data(const PageContext& ctx, const Row& row) {
    Data d;
    put(d, "change", row.change);
    put(d, row.change == "新增" ? "added" : row.change == "删除" ? "removed" : "changed", true);
    put(d, "kind", row.kind);
    put(d, "item", row.item);
    if (!row.indicator.empty() && ctx.model().indicators.contains(row.indicator)) {
        put(d, "item_url", ctx.url(paths::indicator(row.indicator)));
    }
    put(d, "period", row.period);
    put(d, "before", row.before);
    put(d, "after", row.after);
    put(d, "source", row.source);
    put_text(d, "note", row.note);
    return d;
}

/// The park's name, linked when the park is on the site now.
Data park_data(const PageContext& ctx, const compute::ParkChange& p) {
    Data d;
    put(d, "name", p.name);
    put(d, "slug", p.slug);
    put(d, "province", p.province_name);
    if (const model::Park* park = ctx.model().find_park(p.slug)) {
        put(d, "url", ctx.url(paths::park(park->slug)));
    }
    put(d, "added", p.change == Change::added);
    put(d, "removed", p.change == Change::removed);
    return d;
}

std::string field_name(const std::string& field) {
    static const std::map<std::string, std::string> names{
        {"name", "名称"},      {"name_en", "英文名称"}, {"city", "城市"},   {"kind", "类型"},
        {"level", "级别"},     {"parent", "所属园区"},  {"founded", "设立年份"}, {"industries", "主导产业"},
        {"area", "面积"},      {"province", "省份"},    {"title", "标题"},  {"publisher", "发布者"},
        {"date", "日期"},      {"url", "网址"},         {"unit", "单位"},   {"dimension", "量纲"},
        {"basis", "口径"},     {"better", "方向"},      {"description", "说明"}, {"short", "简称"},
        {"code", "代码"},      {"number", "期号"},      {"period", "比较时期"}, {"indicators", "指标"},
        {"provinces", "省份"}, {"kinds", "类型"},       {"parks", "园区"},  {"since", "比较起点"},
        {"language", "语言"},  {"base_url", "网址"}};
    const auto it = names.find(field);
    return it == names.end() ? field : it->second;
}

/// A value longer than this (a description, a title) is not repeated: only its field is named.
constexpr std::size_t k_shown_field_bytes = 60;

std::string fields_text(const std::vector<compute::FieldChange>& fields) {
    std::string out;
    for (const auto& f : fields) {
        out += (out.empty() ? "" : "；") + field_name(f.field);
        if (f.before.size() <= k_shown_field_bytes && f.after.size() <= k_shown_field_bytes) {
            out += fmt::format("：{} → {}", f.before.empty() ? "（无）" : f.before, f.after.empty() ? "（无）" : f.after);
        } else {
            out += "修改";
        }
    }
    return out;
}

/// "事实 2项新增、1项修改" ("" when none).
std::string count_text(const compute::ChangeCount& c, std::string_view what, std::string_view measure) {
    std::string parts;
    for (const auto& [n, word] : {std::pair{c.added, "新增"}, {c.removed, "删除"}, {c.changed, "修改"}}) {
        if (n > 0) {
            parts += fmt::format("{}{}{}{}", parts.empty() ? "" : "、", n, measure, word);
        }
    }
    return parts.empty() ? "" : fmt::format("{} {}", what, parts);
}

std::string summary_text(const compute::ContentDiff& diff) {
    const compute::DiffTotals t(diff);
    std::string out;
    const std::string parts[] = {count_text(t.parks, "园区", "个"),
                                 count_text(t.facts, "事实", "项"),
                                 count_text(t.targets, "目标", "项"),
                                 count_text(t.ranks, "排名", "项"),
                                 count_text(t.provinces, "省份", "个"),
                                 count_text(t.indicators, "指标", "项"),
                                 count_text(t.sources, "来源", "项"),
                                 count_text(t.bulletins, "通报", "期"),
                                 t.narratives > 0 ? fmt::format("叙述 {}篇修改", t.narratives) : "",
                                 t.site_fields == 0 ? "" : fmt::format("网站设置 {}项修改", t.site_fields)};
    for (const auto& part : parts) {
        if (!part.empty()) {
            out += (out.empty() ? "" : "；") + part;
        }
    }
    return out;
}

Data commit_data(const model::SiteModel& model, const compute::SiteIndex& index, const compute::CommitChanges& c,
                 const std::string& page) {
    const PageContext ctx(model, index, page);
    Data d;
    put(d, "id", c.commit.id);
    put(d, "short_id", short_id(c.commit.id));
    put(d, "date", commit_date(c.commit.date));
    put(d, "subject", c.commit.subject);
    using Status = compute::CommitChanges::Status;
    switch (c.status) {
    case Status::first:
        put(d, "first", fmt::format("首次提交内容：{}个园区，{}项事实，{}项目标，{}项排名。", c.parks, c.facts, c.targets, c.ranks));
        return d;
    case Status::errors:
        put(d, "unavailable", c.errors == 0 ? std::string("这一版本没有内容目录，无法比较。")
                                            : fmt::format("这一版本的内容有{}处错误（parkpress check 可列出），无法比较。", c.errors));
        return d;
    case Status::parent_errors:
        put(d, "unavailable", fmt::format("上一版本的内容有{}处错误，无法与之比较。", c.errors));
        return d;
    case Status::compared:
        break;
    }
    const compute::ContentDiff& diff = *c.diff;
    const std::string summary = summary_text(diff);
    put(d, "summary", summary.empty() ? std::string("数据没有变化。") : summary);
    Data parks{Data::type::list};
    std::size_t rows_left = k_changes_rows_per_commit;
    std::size_t omitted = 0;
    for (const auto& p : diff.parks) {
        Data park = park_data(ctx, p);
        put_text(park, "fields", fields_text(p.fields));
        if (p.narrative) {
            put(park, "narrative", fmt::format("{}行新增，{}行删除", p.narrative->added, p.narrative->removed));
        }
        Data rows{Data::type::list};
        for (const auto& row : rows_of(model, p)) {
            if (rows_left == 0) {
                ++omitted;
                continue;
            }
            --rows_left;
            append(rows, row_data(ctx, row));
        }
        put(park, "has_rows", !rows.is_empty_list());
        put(park, "rows", std::move(rows));
        append(parks, std::move(park));
    }
    put(d, "parks", std::move(parks));
    if (omitted > 0) {
        put(d, "omitted", fmt::format("另有{}项变化未列出（parkpress diff 可列出全部）。", omitted));
    }
    Data others{Data::type::list};
    auto add_others = [&](std::string_view what, const std::vector<compute::EntryChange>& entries) {
        for (const auto& e : entries) {
            Data o;
            put(o, "what", std::string(what));
            put(o, "change", change_name(e.change));
            put(o, "key", e.key);
            put(o, "name", e.name);
            std::string details = fields_text(e.fields);
            if (e.narrative) {
                details += fmt::format("{}叙述{}行新增，{}行删除", details.empty() ? "" : "；", e.narrative->added,
                                       e.narrative->removed);
            }
            put_text(o, "details", details);
            append(others, std::move(o));
        }
    };
    if (!diff.site.empty()) {
        Data o;
        put(o, "what", std::string("网站设置"));
        put(o, "change", change_name(Change::changed));
        put(o, "key", std::string("site.toml"));
        put_text(o, "details", fields_text(diff.site));
        append(others, std::move(o));
    }
    add_others("省份", diff.provinces);
    add_others("指标", diff.indicators);
    add_others("来源", diff.sources);
    add_others("通报", diff.bulletins);
    put(d, "has_others", !others.is_empty_list());
    put(d, "others", std::move(others));
    return d;
}

/// "与2024年第1期通报发布时（提交 1a2b3c4，2024年1月3日）的数据相比" and the like.
std::string since_text(const compute::BulletinChanges& c) {
    const std::string commit = fmt::format("提交 {}，{}", short_id(c.commit.id), commit_date(c.commit.date));
    if (!c.via_bulletin.empty()) {
        return fmt::format("与{}通报发布时（{}）的数据相比", c.via_number.empty() ? c.via_bulletin : c.via_number, commit);
    }
    return fmt::format("与版本 {}（{}）的数据相比", c.since, commit);
}

std::string bulletin_intro(const compute::BulletinChanges& c) {
    if (c.parks.empty()) {
        return since_text(c) + "，本期所比较园区在本期指标上的事实、目标和排名没有变化。";
    }
    return since_text(c) + fmt::format("，本期所比较园区有{}项事实、目标或排名新增、删除或修改（事实和目标只列本期指标）。"
                                       "数值统一换算为各指标的显示单位。",
                                       c.count());
}

} // namespace

Data changes_page_data(const model::SiteModel& model, const compute::SiteIndex& index, const compute::ChangeLog& log,
                       const std::string& page) {
    Data d;
    Data commits{Data::type::list};
    for (const auto& c : log.commits) {
        append(commits, commit_data(model, index, c, page));
    }
    put(d, "commits_count", std::to_string(log.commits.size()));
    put(d, "has_commits", !log.commits.empty());
    put(d, "commits", std::move(commits));
    put(d, "rows_per_commit", std::to_string(k_changes_rows_per_commit));
    return d;
}

Data bulletin_changes_data(const model::SiteModel& model, const compute::SiteIndex& index,
                           const compute::BulletinChanges& changes, const std::string& page) {
    const PageContext ctx(model, index, page);
    Data d;
    put(d, "intro", bulletin_intro(changes));
    put(d, "since", changes.since);
    put(d, "commit", short_id(changes.commit.id));
    put(d, "date", commit_date(changes.commit.date));
    Data rows{Data::type::list};
    for (const auto& p : changes.parks) {
        const Data park = park_data(ctx, p);
        for (const auto& row : rows_of(model, p)) {
            Data r = row_data(ctx, row);
            put(r, "park", park);
            append(rows, std::move(r));
        }
    }
    put(d, "has_rows", !rows.is_empty_list());
    put(d, "rows", std::move(rows));
    return d;
}

pd::Blocks bulletin_changes_blocks(const model::SiteModel& model, const compute::BulletinChanges& changes) {
    pd::Blocks blocks;
    blocks.push_back(pd::header(1, "changes", pd::text("本期数据变化")));
    blocks.push_back(pd::para(pd::text(bulletin_intro(changes))));
    if (changes.parks.empty()) {
        return blocks;
    }
    std::vector<std::vector<pd::Inlines>> rows;
    for (const auto& p : changes.parks) {
        const std::string park = p.name + (p.change == Change::added ? "（新园区）" : "");
        for (const auto& row : rows_of(model, p)) {
            const std::string after = row.note.empty() ? row.after : row.after + "（" + row.note + "）";
            rows.push_back({pd::text(park), pd::text(row.change), pd::text(row.kind + " · " + row.item),
                            pd::text(row.period), pd::text(row.before.empty() ? "–" : row.before),
                            pd::text(row.after.empty() ? "–" : after), pd::text(row.source)});
        }
    }
    blocks.push_back(pd::table(pd::text(fmt::format("本期数据变化（{}）", since_text(changes))),
                               {{pd::Align::left, 0.15}, {pd::Align::left, 0.06}, {pd::Align::left, 0.17},
                                {pd::Align::left, 0.1}, {pd::Align::right, 0.14}, {pd::Align::right, 0.18},
                                {pd::Align::left, 0.18}},
                               {pd::text("园区"), pd::text("变化"), pd::text("项目"), pd::text("时期"), pd::text("原值"),
                                pd::text("新值"), pd::text("来源")},
                               rows));
    return blocks;
}

} // namespace parkpress::render
