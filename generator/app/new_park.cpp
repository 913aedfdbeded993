#include "app/new_park.hpp"

#include "app/cli.hpp"
#include "core/text.hpp"
#include "load/content_loader.hpp"
#include "model/units.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <ostream>
#include <unistd.h>

namespace parkpress::app {
namespace {
namespace fs = std::filesystem;

/// Content text for a comment line: control characters (a line break would end the comment
/// and start TOML) become spaces.
std::string comment_safe(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            c = ' ';
        }
    }
    return out;
}

/// "#   a, b, c" lines listing at most `limit` items, then how many more there are.
std::string listing(const std::vector<std::string>& items, std::size_t limit, std::string_view more_where) {
    std::string out;
    for (std::size_t i = 0; i < std::min(items.size(), limit); ++i) {
        out += "#   " + comment_safe(items[i]) + "\n";
    }
    if (items.size() > limit) {
        out += fmt::format("#   …另有 {} 个，见 {} / {} more in {}\n", items.size() - limit, more_where,
                           items.size() - limit, more_where);
    }
    if (items.empty()) {
        out += fmt::format("#   （还没有，先在 {} 中添加 / none yet: add one to {} first）\n", more_where, more_where);
    }
    return out;
}

std::string units_listing() {
    std::string out;
    for (const auto d : {model::Dimension::area, model::Dimension::money, model::Dimension::money_per_area}) {
        std::string units;
        for (const auto& u : model::units_of(d)) {
            units += (units.empty() ? "" : " ") + u;
        }
        out += fmt::format("#   {}: {}\n", model::to_string(d), units);
    }
    return out + "#   count: 指标自己的量词 / the indicator's own measure word (家, 个, 人 …); percent: %\n";
}

/// Creates a file that must not exist yet (O_EXCL: never overwrites, not even in a race).
void create_new(const fs::path& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        throw std::runtime_error(fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
    }
    const ssize_t n = ::write(fd, text.data(), text.size());
    const int error = errno;
    ::close(fd);
    if (n != static_cast<ssize_t>(text.size())) {
        fs::remove(path);
        throw std::runtime_error(fmt::format("cannot write {}: {}", path.string(), std::strerror(error)));
    }
}

/// The stems of the files with `extension` in a folder, sorted.
std::vector<std::string> stems(const fs::path& folder, std::string_view extension) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec)) {
        if (e.path().extension() == extension && !e.path().filename().string().starts_with(".")) {
            out.push_back(e.path().stem().string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

ParkTemplate park_template(const model::SiteModel& model, const std::string& province, const std::string& slug) {
    std::vector<std::string> kinds;
    for (const auto& k : model.site.kinds) {
        kinds.push_back(fmt::format("{}（{}）", k.key, k.name));
    }
    std::vector<std::string> indicators;
    for (const auto& [key, ind] : model.indicators) {
        indicators.push_back(fmt::format("{}（{}，{}）", key, ind.name, ind.unit));
    }
    std::vector<const model::Source*> latest;
    for (const auto& [key, s] : model.sources) {
        latest.push_back(&s);
    }
    std::stable_sort(latest.begin(), latest.end(), [](const auto* a, const auto* b) { return b->date < a->date; });
    std::vector<std::string> sources;
    for (const auto* s : latest) {
        sources.push_back(fmt::format("{}（{}，{}）", s->key, s->title, model::to_string(s->date)));
    }
    const auto p = model.provinces.find(province);
    const std::string province_name = p == model.provinces.end() ? province : p->second.name;

    ParkTemplate t;
    t.toml = fmt::format(R"(# {province_name}的园区 {slug}：数据文件，由 parkpress new park 生成。每个键的说明见
# docs/content-format.md。叙述写在同名的 {slug}.md 中。
# The data file of park {slug} in {province}, written by `parkpress new park`; every key is
# described in docs/content-format.md. The narrative is {slug}.md beside it.
#
# 填写：把每个以“待填写”开头、用【】括起的占位连同括号换成真实内容；数值、年份和日期不加引号。
# 只要还留着一个占位，parkpress check 就报错并指出它所在的行，所以空白模板发布不出去。
# Fill in: replace each placeholder (in 【】, starting with 待填写), brackets and quotes
# included, with the real value; numbers, years and dates take no quotes. parkpress check
# reports every placeholder left, with its line, so an unfilled park cannot be published.

# 园区全称 / the park's full name, e.g. "郑州高新技术产业开发区"
name = "【待填写：园区全称】"
# 英文名（可选）/ English name (optional)
# name_en = "Zhengzhou High-tech Zone"
# 所在城市 / the city it is in, e.g. "郑州市"
city = "【待填写：所在城市】"
# 类别，site.toml 中 [kinds] 的键之一 / kind, a key of [kinds] in site.toml:
{kinds}kind = "【待填写：类别】"
# 级别 / level: national（国家级）, provincial（省级）or municipal（市级）
level = "【待填写：级别】"
# 所在的上级园区（可选，智慧岛、“一区多园”的分园填写其 slug）/ the park it lies in (optional)
# parent = "zhengzhou-high-tech-zone"
# 设立年份（可选）/ founding year (optional)
# founded = 1988
# 主导产业（可选）/ leading industries (optional)
# industries = ["电子信息", "智能传感器"]
# 园区自身的占地面积（可选）/ the park's own land area (optional)
# area = {{ value = 1000, unit = "亩", source = "来源键" }}

# 一项已实现的数据（实际值，不是目标）；每项一个 [[facts]]，可复制多份。
# 同一指标不同时期的多项数据构成时间序列，页面默认显示最新一期。
# An achieved figure (an actual, not a target); one [[facts]] table each. Facts of one
# indicator for several periods make a time series; pages show the latest by default.
[[facts]]
# 指标，indicators.toml 的键之一（括号内为页面显示的单位）/ indicator, a key of indicators.toml:
{indicators}indicator = "【待填写：指标】"
# 数值，照来源原文书写，不加引号 / the number as the source writes it, no quotes: value = 58.6
value = "【待填写：数值】"
# 单位，与指标同一量纲，会精确换算 / unit, of the indicator's dimension (converted exactly):
{units}unit = "【待填写：单位】"
# 时期：年份如 2023，或“截至”某日的数据写日期如 2024-03-13，不加引号
# period: a year such as 2023, or a date such as 2024-03-13 for "as of" figures, no quotes
period = "【待填写：年份或日期】"
# 来源，sources.toml 的键之一（新的来源先加到 sources.toml）/ source, a key of sources.toml:
{sources}source = "【待填写：来源】"
# 可选 / optional:
# qualifier = "over"      # 约 about | 超、逾、突破 over | 不少于、以上 at_least | 不超过、以内 at_most
# basis = "cumulative"    # 覆盖指标的口径 / overrides the indicator's basis: annual | cumulative | stock
# note = "全年签约项目42个"

# 目标（规划、预计数；从不与实际值比较或排名），需要时去掉行首的 #。
# A target (a planned or forecast figure, never ranked against facts); uncomment to use.
# [[targets]]
# indicator = "signed_investment"
# value = 300
# unit = "亿元"
# by = 2025               # 目标年份 / the year it is to be reached by
# source = "来源键"
# note = "预计"

# 在官方评价中的名次（可选）；只在同一评价、同一组别内可比。
# A place in an official evaluation (optional); comparable only within one system and cohort.
# [[ranks]]
# system = "国家高新区综合评价"
# cohort = "国家高新区"
# rank = 18
# of = 178
# period = 2023           # 年份或评价轮次 / a year or the round, e.g. "2021-2022"
# source = "来源键"

# 叙述（{slug}.md）中引用本园区的数据写 {{{{fact 指标}}}}，目标写 {{{{target 指标}}}}，引用别的园区写
# {{{{fact 园区 指标}}}}：数据改了，文字随之更新。/ In the narrative, cite figures instead of typing
# them: {{{{fact INDICATOR}}}}, {{{{target INDICATOR}}}}, {{{{fact PARK INDICATOR}}}}.
)",
                         fmt::arg("province_name", comment_safe(province_name)), fmt::arg("slug", slug),
                         fmt::arg("province", province), fmt::arg("kinds", listing(kinds, 20, "site.toml")),
                         fmt::arg("indicators", listing(indicators, 40, "indicators.toml")),
                         fmt::arg("units", units_listing()), fmt::arg("sources", listing(sources, 12, "sources.toml")));
    t.narrative = "【待填写：园区概况，一两段 Markdown 文字；引用数据的写法见 " + slug + ".toml 末尾】\n";
    return t;
}

int new_park(const std::string& spec, const std::string& content_dir, std::ostream& out, std::ostream& err) {
    const std::size_t slash = spec.find('/');
    if (slash == std::string::npos || spec.find('/', slash + 1) != std::string::npos) {
        err << fmt::format("parkpress: expected PROVINCE/SLUG, such as henan/zhoukou-high-tech-zone, got \"{}\"\n", spec);
        return k_exit_usage;
    }
    const std::string province = spec.substr(0, slash);
    const std::string slug = spec.substr(slash + 1);
    for (const auto& [what, value] : {std::pair{"province", &province}, {"park slug", &slug}}) {
        if (!core::is_slug(*value)) {
            err << fmt::format("parkpress: {} \"{}\" is not a valid slug (lowercase letters, digits and single hyphens, "
                               "such as zhoukou-high-tech-zone)\n",
                               what, *value);
            return k_exit_usage;
        }
    }
    const fs::path root(content_dir);
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        err << fmt::format("parkpress: content folder {} does not exist\n", content_dir);
        return k_exit_usage;
    }
    const auto provinces = stems(root / "provinces", ".toml");
    if (std::find(provinces.begin(), provinces.end(), province) == provinces.end()) {
        std::string known;
        for (const auto& p : provinces) {
            known += (known.empty() ? "" : ", ") + p;
        }
        err << fmt::format("parkpress: unknown province \"{}\": the known provinces are {}, and a new one needs "
                           "provinces/{}.toml first{}\n",
                           province, known.empty() ? "none" : known, province, core::did_you_mean(province, provinces));
        return k_exit_usage;
    }
    for (const auto& folder : fs::directory_iterator(root / "parks", ec)) {
        for (const char* extension : {".toml", ".md"}) {
            const fs::path existing = folder.path() / (slug + extension);
            if (fs::exists(fs::symlink_status(existing, ec))) {
                err << fmt::format("parkpress: park \"{}\" already exists: {}; nothing was written\n", slug,
                                   existing.lexically_relative(root).generic_string());
                return k_exit_usage;
            }
        }
    }
    core::Diagnostics ignored; // the template only lists what loads; `check` reports the rest
    const auto content = load::load_content(root, ignored);
    const ParkTemplate t = park_template(content.model, province, slug);
    const fs::path folder = root / "parks" / province;
    const fs::path toml = folder / (slug + ".toml");
    const fs::path narrative = folder / (slug + ".md");
    try {
        fs::create_directories(folder);
        create_new(toml, t.toml);
        try {
            create_new(narrative, t.narrative);
        } catch (...) {
            fs::remove(toml);
            throw;
        }
    } catch (const std::exception& e) {
        err << "parkpress: " << e.what() << "; nothing was written\n";
        return k_exit_usage;
    }
    out << fmt::format("created parks/{0}/{1}.toml and parks/{0}/{1}.md: replace every 【待填写：…】 placeholder, "
                       "then run parkpress check\n",
                       province, slug);
    return k_exit_ok;
}

} // namespace parkpress::app
