#include "render/bulletin.hpp"

#include "render/changes.hpp"
#include "render/context.hpp"
#include "render/format.hpp"
#include "render/markdown.hpp"
#include "render/pandoc_ast.hpp"
#include "render/svg.hpp"
#include "render/urls.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace parkpress::render {
namespace {

namespace pd = pandoc;
using compute::BulletinData;
using compute::BulletinIndicator;

std::string province_of(const model::SiteModel& m, const std::string& slug) {
    const auto it = m.provinces.find(slug);
    return it == m.provinces.end() ? slug : it->second.name;
}

std::string short_province(const model::SiteModel& m, const std::string& slug) {
    const auto it = m.provinces.find(slug);
    return it == m.provinces.end() ? slug : it->second.short_name;
}

/// "≈103亿元" plus "†" when the figure is from a year before the bulletin's period.
std::string figure_text(const model::Fact& fact, const model::Indicator& ind, bool older) {
    return display(fact.quantity, fact.qualifier, ind.unit).text + (older ? "†" : "");
}

std::string target_figure(const model::Target& t, const model::Indicator& ind) {
    return display(t.quantity, t.qualifier, ind.unit).text;
}

std::string source_ref(const BulletinData& data, const std::string& key) {
    return fmt::format("[{}]", data.source_number(key));
}

std::string summary_median(const compute::ProvinceSummary& ps) {
    if (!ps.median) {
        return "–";
    }
    return (ps.median_has_bounds ? "≈" : "") + format_number(*ps.median) + (ps.median_mixed_periods ? "†" : "");
}

std::string summary_total(const compute::ProvinceSummary& ps) {
    if (ps.total) {
        return (ps.total_has_bounds ? "≈" : "") + format_number(*ps.total);
    }
    return ps.no_total_reason;
}

/// What a reference in the bulletin's narrative shows: the figure, its period and its source.
ResolvedReference resolve_reference(const model::SiteModel& model, const BulletinData& data, const model::Reference& ref,
                                    const std::string& source_url_prefix) {
    const model::Park* park = model.find_park(ref.park);
    if (park == nullptr) {
        return {};
    }
    const model::Indicator* ind = model.find_indicator(ref.indicator);
    if (ref.kind == model::Reference::Kind::fact) {
        if (const model::Fact* f = model.latest_fact(*park, ref.indicator); f != nullptr && ind != nullptr) {
            return {fmt::format("{}（{}）{}", display(f->quantity, f->qualifier, ind->unit).text, period_text(f->period),
                                source_ref(data, f->source)),
                    source_url_prefix + f->source, ""};
        }
    } else if (const model::Target* t = model.latest_target(*park, ref.indicator); t != nullptr && ind != nullptr) {
        return {fmt::format("{}（{}年目标）{}", target_figure(*t, *ind), t->by, source_ref(data, t->source)),
                source_url_prefix + t->source, ""};
    }
    return {};
}

pd::Blocks marks_explanation() {
    return {pd::para(pd::text("说明：数值统一换算为各指标的显示单位。≈ 表示原文为约数，> 表示超过，≥ 表示不少于，≤ "
                              "表示不超过；† 表示该数据的时期早于本期通报所比较的时期。中括号内的数字是文末资料来源的序号。"
                              "目标值单独列表，不与实际值排名比较。"))};
}

} // namespace

std::string bulletin_scope_text(const model::SiteModel& model, const BulletinData& data) {
    std::string out;
    for (const auto& province : data.provinces) {
        const auto n = std::count_if(data.parks.begin(), data.parks.end(),
                                     [&](const model::Park* p) { return p->province == province; });
        out += (out.empty() ? "" : "、") + fmt::format("{}（{}个）", province_of(model, province), n);
    }
    return out;
}

std::string bulletin_chart_svg(const model::SiteModel& model, const compute::SiteIndex& index, const BulletinIndicator& bi,
                               const model::Bulletin& bulletin) {
    BarChart chart;
    chart.id = "chart-" + bi.indicator->key;
    chart.title = fmt::format("{}（{}）", bi.indicator->name, bi.indicator->unit);
    std::vector<std::string> provinces;
    for (const auto& f : bi.facts) {
        const auto v = display(f.entry.fact->quantity, f.entry.fact->qualifier, bi.indicator->unit);
        Bar bar;
        bar.label = f.entry.park->name;
        bar.value_label = v.symbol + v.number + "（" + period_text(f.entry.fact->period) + "）";
        bar.value = v.value.to_double();
        bar.colour = index.province_colour.at(f.entry.park->province);
        bar.bounded = f.entry.fact->qualifier != model::Qualifier::none;
        bar.other_period = f.older;
        chart.bars.push_back(bar);
        if (std::find(provinces.begin(), provinces.end(), f.entry.park->province) == provinces.end()) {
            provinces.push_back(f.entry.park->province);
        }
    }
    for (const auto& slug : index.province_order) {
        if (std::find(provinces.begin(), provinces.end(), slug) != provinces.end()) {
            chart.legend.push_back({short_province(model, slug), index.province_colour.at(slug)});
        }
    }
    chart.description = fmt::format("{}：所比较园区截至{}的最新{}，按数值排序，颜色表示省份。", bulletin.title,
                                    period_text(bulletin.period), bi.indicator->name);
    return bar_chart_svg(chart);
}

BulletinSources bulletin_pandoc(const model::SiteModel& model, const compute::SiteIndex& index, const BulletinData& data) {
    const model::Bulletin& b = *data.bulletin;
    BulletinSources out;
    pd::Blocks blocks;

    // Summary.
    blocks.push_back(pd::header(1, "summary", pd::text("概要")));
    std::string indicator_names;
    for (const auto& bi : data.indicators) {
        indicator_names += (indicator_names.empty() ? "" : "、") + bi.indicator->name;
    }
    blocks.push_back(pd::para(pd::text(fmt::format(
        "本期通报比较{}共{}个园区截至{}的数据，涉及{}{}项指标。", bulletin_scope_text(model, data), data.parks.size(),
        period_text(b.period), indicator_names, data.indicators.size()))));
    std::vector<pd::Blocks> scope;
    for (const auto& province : data.provinces) {
        std::string names;
        for (const model::Park* p : data.parks) {
            if (p->province == province) {
                names += (names.empty() ? "" : "、") + p->name;
            }
        }
        scope.push_back({pd::plain(pd::text(province_of(model, province) + "：" + names))});
    }
    blocks.push_back(pd::bullet_list(scope));
    std::string without_facts;
    for (const auto& bi : data.indicators) {
        if (bi.facts.empty()) {
            without_facts += (without_facts.empty() ? "" : "、") + bi.indicator->name;
        }
    }
    if (!without_facts.empty()) {
        blocks.push_back(pd::para(pd::text(fmt::format("所比较的园区在以下指标上没有截至{}的实际数据，只在“目标”一节列出其目标：{}。",
                                                       period_text(b.period), without_facts))));
    }
    for (auto& block : marks_explanation()) {
        blocks.push_back(std::move(block));
    }

    // The bulletin's own narrative.
    if (b.narrative) {
        const Resolver resolve = [&](const model::Reference& ref) { return resolve_reference(model, data, ref, "#src-"); };
        const NarrativeDocument doc(*b.narrative, resolve);
        blocks.push_back(pd::header(1, "narrative", pd::text("综述")));
        for (auto& block : pd::from_cmark(doc.root(), true)) {
            blocks.push_back(std::move(block));
        }
    }

    // What changed in the figures since an earlier bulletin or revision.
    if (data.changes != nullptr) {
        for (auto& block : bulletin_changes_blocks(model, *data.changes)) {
            blocks.push_back(std::move(block));
        }
    }

    // One section per indicator: the comparison table, the chart, the province summary.
    for (const auto& bi : data.indicators) {
        const model::Indicator& ind = *bi.indicator;
        if (bi.facts.empty()) {
            continue; // named in the summary; its targets are in the targets section
        }
        blocks.push_back(pd::header(1, "ind-" + ind.key, pd::text(fmt::format("{}（{}）", ind.name, ind.unit))));
        std::string intro = ind.description.empty() ? "" : ind.description + "。";
        intro += fmt::format("口径：{}。", basis_name(ind.basis));
        blocks.push_back(pd::para(pd::text(intro)));
        if (bi.facts.empty()) {
            blocks.push_back(pd::para(pd::text(fmt::format("所比较的园区均没有截至{}的实际数据。", period_text(b.period)))));
        } else {
            std::vector<std::vector<pd::Inlines>> rows;
            for (const auto& province : data.provinces) {
                for (const auto& f : bi.facts) {
                    if (f.entry.park->province != province) {
                        continue;
                    }
                    const model::Fact& fact = *f.entry.fact;
                    rows.push_back({pd::text(short_province(model, province)), pd::text(f.entry.park->name),
                                    pd::text(figure_text(fact, ind, f.older)), pd::text(period_text(fact.period)),
                                    pd::text(basis_name(model.basis_of(fact))), pd::text(source_ref(data, fact.source))});
                }
            }
            blocks.push_back(pd::table(pd::text(fmt::format("各园区{}（截至{}的最新实际值）", ind.name, period_text(b.period))),
                                       {{pd::Align::left, 0.07}, {pd::Align::left, 0.31}, {pd::Align::right, 0.17},
                                        {pd::Align::left, 0.22}, {pd::Align::left, 0.07}, {pd::Align::left, 0.07}},
                                       {pd::text("省份"), pd::text("园区"), pd::text("数值"), pd::text("时期"),
                                        pd::text("口径"), pd::text("来源")},
                                       rows));
            const std::string chart_name = "chart-" + ind.key;
            out.charts[chart_name + ".svg"] = bulletin_chart_svg(model, index, bi, b);
            blocks.push_back(pd::figure(chart_name + ".pdf", pd::text(fmt::format("{}（{}），颜色表示省份", ind.name, ind.unit))));
            std::vector<std::vector<pd::Inlines>> summary;
            for (const auto& ps : bi.provinces) {
                summary.push_back({pd::text(province_of(model, ps.province)),
                                   pd::text(fmt::format("{} / {}", ps.facts.size(), ps.parks_in_province)),
                                   pd::text(summary_median(ps)), pd::text(summary_total(ps))});
            }
            blocks.push_back(pd::table(pd::text(fmt::format("{}分省汇总（报告园区 / 比较园区）", ind.name)),
                                       {{pd::Align::left, 0.2}, {pd::Align::right, 0.2}, {pd::Align::right, 0.2},
                                        {pd::Align::left, 0.3}},
                                       {pd::text("省份"), pd::text("报告园区"), pd::text("中位数"), pd::text("合计")},
                                       summary));
        }
    }

    // Targets, by target year: never ranked against actuals.
    if (!data.targets_by_year.empty()) {
        blocks.push_back(pd::header(1, "targets", pd::text("目标")));
        blocks.push_back(pd::para(pd::text("以下为各园区公布的规划目标或预计值，按目标年份列出；目标不是实际完成数，不与上文的实际值比较。")));
        for (const auto& [year, targets] : data.targets_by_year) {
            blocks.push_back(pd::header(2, fmt::format("targets-{}", year), pd::text(fmt::format("{}年目标", year))));
            std::vector<std::vector<pd::Inlines>> rows;
            for (const auto& t : targets) {
                const model::Indicator* ind = model.find_indicator(t.target->indicator);
                if (ind == nullptr) {
                    continue;
                }
                rows.push_back({pd::text(t.park->name), pd::text(short_province(model, t.park->province)),
                                pd::text(ind->name), pd::text(target_figure(*t.target, *ind)), pd::text(t.target->note),
                                pd::text(source_ref(data, t.target->source))});
            }
            blocks.push_back(pd::table(pd::text(fmt::format("目标年份为{}年的目标", year)),
                                       {{pd::Align::left, 0.22}, {pd::Align::left, 0.07}, {pd::Align::left, 0.17},
                                        {pd::Align::right, 0.15}, {pd::Align::left, 0.25}, {pd::Align::left, 0.07}},
                                       {pd::text("园区"), pd::text("省份"), pd::text("指标"), pd::text("目标值"),
                                        pd::text("说明"), pd::text("来源")},
                                       rows));
        }
    }

    // Sources.
    blocks.push_back(pd::header(1, "sources", pd::text("资料来源")));
    std::vector<pd::Blocks> items;
    for (const auto& key : data.sources) {
        const auto it = model.sources.find(key);
        if (it == model.sources.end()) {
            continue;
        }
        const model::Source& s = it->second;
        pd::Inlines line{pd::span("src-" + key, pd::text(s.title))};
        for (auto& i : pd::text(fmt::format("，{}，{}。", s.publisher, date_text(s.date)))) {
            line.push_back(std::move(i));
        }
        items.push_back({pd::plain(std::move(line))});
    }
    blocks.push_back(pd::ordered_list(items));

    const pd::Json doc = pd::document({{"title", pd::meta_inlines(b.title)},
                                       {"number", pd::meta_inlines(b.number)},
                                       {"date", pd::meta_inlines(date_text(b.date))},
                                       {"issuer", pd::meta_inlines(model.site.title)},
                                       {"period", pd::meta_inlines(period_text(b.period))},
                                       {"lang", pd::meta_string(model.site.language)},
                                       {"toc", pd::meta_bool(true)}},
                                      std::move(blocks));
    out.document = doc.dump(1, ' ', false) + "\n";
    return out;
}

Data bulletin_page_data(const model::SiteModel& model, const compute::SiteIndex& index, const BulletinData& data,
                        const std::string& page) {
    const model::Bulletin& b = *data.bulletin;
    const PageContext ctx(model, index, page);
    Data d;
    put(d, "title", b.title);
    put(d, "number", b.number);
    put(d, "date", date_text(b.date));
    put(d, "period", period_text(b.period));
    put(d, "issuer", model.site.title);
    put(d, "scope", bulletin_scope_text(model, data));
    put(d, "parks_count", std::to_string(data.parks.size()));
    put(d, "provinces_count", std::to_string(data.provinces.size()));
    put(d, "pdf_url", ctx.url(paths::bulletin_pdf(b.id)));
    Data groups{Data::type::list};
    for (const auto& province : data.provinces) {
        Data g = ctx.province_link(province);
        Data parks{Data::type::list};
        for (const model::Park* p : data.parks) {
            if (p->province == province) {
                parks.push_back(ctx.park_link(*p));
            }
        }
        put(g, "parks", std::move(parks));
        append(groups, std::move(g));
    }
    put(d, "groups", std::move(groups));
    if (b.narrative) {
        const Resolver resolve = [&](const model::Reference& ref) {
            return resolve_reference(model, data, ref, "#src-");
        };
        put(d, "narrative", NarrativeDocument(*b.narrative, resolve).html());
    }
    if (data.changes != nullptr) {
        put(d, "changes", bulletin_changes_data(model, index, *data.changes, page));
    }
    Data indicators{Data::type::list};
    Data without_facts{Data::type::list};
    for (const auto& bi : data.indicators) {
        if (bi.facts.empty()) {
            without_facts.push_back(ctx.indicator_link(bi.indicator->key));
            continue;
        }
        Data i = ctx.indicator_link(bi.indicator->key);
        put(i, "basis", basis_name(bi.indicator->basis));
        put(i, "description", bi.indicator->description);
        put(i, "has_facts", !bi.facts.empty());
        if (!bi.facts.empty()) {
            put(i, "chart", bulletin_chart_svg(model, index, bi, b));
        }
        Data rows{Data::type::list};
        for (const auto& province : data.provinces) {
            for (const auto& f : bi.facts) {
                if (f.entry.park->province == province) {
                    Data row = ctx.fact(*f.entry.park, *f.entry.fact);
                    put(row, "older", f.older);
                    put(row, "ref", source_ref(data, f.entry.fact->source));
                    append(rows, std::move(row));
                }
            }
        }
        put(i, "rows", std::move(rows));
        Data summary{Data::type::list};
        for (const auto& ps : bi.provinces) {
            Data s = ctx.province_link(ps.province);
            put(s, "reporting", fmt::format("{} / {}", ps.facts.size(), ps.parks_in_province));
            put(s, "median", summary_median(ps));
            put(s, "total", summary_total(ps));
            append(summary, std::move(s));
        }
        put(i, "summary", std::move(summary));
        append(indicators, std::move(i));
    }
    put(d, "indicators", std::move(indicators));
    put(d, "has_without_facts", !without_facts.is_empty_list());
    put(d, "without_facts", std::move(without_facts));
    Data years{Data::type::list};
    for (const auto& [year, targets] : data.targets_by_year) {
        Data y;
        put(y, "year", std::to_string(year));
        Data rows{Data::type::list};
        for (const auto& t : targets) {
            Data row = ctx.target(*t.park, *t.target);
            put(row, "ref", source_ref(data, t.target->source));
            append(rows, std::move(row));
        }
        put(y, "rows", std::move(rows));
        append(years, std::move(y));
    }
    put(d, "target_years", std::move(years));
    put(d, "has_targets", !data.targets_by_year.empty());
    Data sources{Data::type::list};
    for (const auto& key : data.sources) {
        Data s = ctx.source_link(key);
        put(s, "number", std::to_string(data.source_number(key)));
        put(s, "anchor", "src-" + key);
        append(sources, std::move(s));
    }
    put(d, "sources", std::move(sources));
    return d;
}

} // namespace parkpress::render
