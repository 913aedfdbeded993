#include "load/park_cache.hpp"

#include "core/binary.hpp"
#include "core/parallel.hpp"
#include "core/files.hpp"
#include "core/hash.hpp"
#include "load/content_loader.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>

namespace parkpress::load {
namespace {

namespace fs = std::filesystem;
using core::SourceLocation;


constexpr std::string_view k_magic = "parkpress park cache 1\n";

/// Writes the fields of the model in a fixed order: numbers as 8 or 16 little-endian bytes,
/// strings as their length and bytes. Every field of a park goes through here, and `Reader`
/// reads them back in the same order: a field added to model::Park must be added to both.
class Writer : public core::BinaryWriter {
public:
    /// A location's file is nearly always the park's own file or its narrative: 0 and 1
    /// stand for them, 2 for no file, and 3 is followed by the name.
    void where(const SourceLocation& w) {
        const std::string& file = w.file.str();
        if (!file.empty() && file == m_park_file) {
            u64(0);
        } else if (!file.empty() && file == m_narrative_file) {
            u64(1);
        } else if (file.empty()) {
            u64(2);
        } else {
            u64(3);
            str(file);
        }
        u64(w.line);
        u64(w.column);
    }
    template <typename Enum>
    void enumeration(Enum e) {
        i64(static_cast<std::int64_t>(e));
    }
    void strings(const std::vector<std::string>& v) {
        u64(v.size());
        for (const auto& s : v) {
            str(s);
        }
    }
    void quantity(const model::Quantity& q) {
        i128(q.value.numerator());
        i128(q.value.denominator());
        str(q.unit);
        where(q.where);
        where(q.unit_where);
    }
    void date(const model::Date& d) {
        i64(d.year);
        i64(d.month);
        i64(d.day);
    }
    void period(const model::Period& p) {
        i64(p.year);
        u64(p.date ? 1 : 0);
        if (p.date) {
            date(*p.date);
        }
    }

    void park(const model::Park& p) {
        m_park_file = p.file;
        m_narrative_file = p.narrative ? p.narrative->file : std::string();
        str(p.file);
        str(m_narrative_file);
        str(p.slug);
        str(p.province);
        str(p.name);
        str(p.name_en);
        str(p.city);
        str(p.kind);
        enumeration(p.level);
        str(p.parent);
        u64(p.founded ? 1 : 0);
        i64(p.founded.value_or(0));
        strings(p.industries);
        u64(p.area ? 1 : 0);
        if (p.area) {
            quantity(p.area->quantity);
            str(p.area->source);
            where(p.area->source_where);
        }
        u64(p.facts.size());
        for (const auto& f : p.facts) {
            str(f.indicator);
            quantity(f.quantity);
            enumeration(f.qualifier);
            period(f.period);
            i64(f.basis ? static_cast<std::int64_t>(*f.basis) : -1);
            str(f.source);
            str(f.note);
            where(f.where);
            where(f.indicator_where);
            where(f.source_where);
            where(f.period_where);
        }
        u64(p.targets.size());
        for (const auto& t : p.targets) {
            str(t.indicator);
            quantity(t.quantity);
            enumeration(t.qualifier);
            i64(t.by);
            str(t.source);
            str(t.note);
            where(t.where);
            where(t.indicator_where);
            where(t.source_where);
            where(t.by_where);
        }
        u64(p.ranks.size());
        for (const auto& r : p.ranks) {
            str(r.system);
            str(r.cohort);
            i64(r.rank);
            u64(r.of ? 1 : 0);
            i64(r.of.value_or(0));
            str(r.period);
            str(r.source);
            where(r.where);
            where(r.rank_where);
            where(r.source_where);
        }
        u64(p.narrative ? 1 : 0);
        if (p.narrative) {
            str(p.narrative->file);
            str(p.narrative->text);
            u64(p.narrative->references.size());
            for (const auto& ref : p.narrative->references) {
                enumeration(ref.kind);
                str(ref.park);
                str(ref.indicator);
                u64(ref.offset);
                u64(ref.length);
                where(ref.where);
            }
        }
        i64(p.dropped_facts);
        i64(p.dropped_targets);
        u64(p.dropped_indicators.size());
        for (const auto& s : p.dropped_indicators) {
            str(s);
        }
        where(p.kind_where);
        where(p.parent_where);
    }

    void diagnostic(const core::Diagnostic& d) {
        enumeration(d.severity);
        where(d.where);
        str(d.message);
    }

private:
    std::string m_park_file;
    std::string m_narrative_file;
};

/// Reads what Writer wrote; throws std::out_of_range past the end or on a bad count.
class Reader : public core::BinaryReader {
public:
    using core::BinaryReader::BinaryReader;

    SourceLocation where() {
        SourceLocation w;
        switch (u64()) {
        case 0: w.file = m_park_file; break;
        case 1: w.file = m_narrative_file; break;
        case 2: break;
        default: w.file = core::FileName(str()); break;
        }
        w.line = static_cast<std::uint32_t>(u64());
        w.column = static_cast<std::uint32_t>(u64());
        return w;
    }
    template <typename Enum>
    Enum enumeration() {
        return static_cast<Enum>(i64());
    }
    std::vector<std::string> strings() {
        std::vector<std::string> v(count(1));
        for (auto& s : v) {
            s = str();
        }
        return v;
    }
    model::Quantity quantity() {
        model::Quantity q;
        const core::Int128 num = i128();
        const core::Int128 den = i128();
        const auto value = core::Decimal::fraction(num, den);
        if (!value) {
            throw std::out_of_range("a zero denominator");
        }
        q.value = *value;
        q.unit = str();
        q.where = where();
        q.unit_where = where();
        return q;
    }
    model::Date date() {
        model::Date d;
        d.year = i32();
        d.month = i32();
        d.day = i32();
        return d;
    }
    model::Period period() {
        model::Period p;
        p.year = i32();
        if (u64() != 0) {
            p.date = date();
        }
        return p;
    }

    model::Park park() {
        model::Park p;
        p.file = str();
        const std::string narrative_file = str();
        m_park_file = core::FileName(p.file);
        m_narrative_file = narrative_file.empty() ? core::FileName() : core::FileName(narrative_file);
        p.slug = str();
        p.province = str();
        p.name = str();
        p.name_en = str();
        p.city = str();
        p.kind = str();
        p.level = enumeration<model::Level>();
        p.parent = str();
        const bool founded = u64() != 0;
        const int year = i32();
        if (founded) {
            p.founded = year;
        }
        p.industries = strings();
        if (u64() != 0) {
            model::Area area;
            area.quantity = quantity();
            area.source = str();
            area.source_where = where();
            p.area = std::move(area);
        }
        p.facts.resize(count(1));
        for (auto& f : p.facts) {
            f.indicator = str();
            f.quantity = quantity();
            f.qualifier = enumeration<model::Qualifier>();
            f.period = period();
            if (const std::int64_t basis = i64(); basis >= 0) {
                f.basis = static_cast<model::Basis>(basis);
            }
            f.source = str();
            f.note = str();
            f.where = where();
            f.indicator_where = where();
            f.source_where = where();
            f.period_where = where();
        }
        p.targets.resize(count(1));
        for (auto& t : p.targets) {
            t.indicator = str();
            t.quantity = quantity();
            t.qualifier = enumeration<model::Qualifier>();
            t.by = i32();
            t.source = str();
            t.note = str();
            t.where = where();
            t.indicator_where = where();
            t.source_where = where();
            t.by_where = where();
        }
        p.ranks.resize(count(1));
        for (auto& r : p.ranks) {
            r.system = str();
            r.cohort = str();
            r.rank = i64();
            const bool of = u64() != 0;
            const std::int64_t n = i64();
            if (of) {
                r.of = n;
            }
            r.period = str();
            r.source = str();
            r.where = where();
            r.rank_where = where();
            r.source_where = where();
        }
        if (u64() != 0) {
            model::Narrative n;
            n.file = str();
            n.text = str();
            n.references.resize(count(1));
            for (auto& ref : n.references) {
                ref.kind = enumeration<model::Reference::Kind>();
                ref.park = str();
                ref.indicator = str();
                ref.offset = static_cast<std::size_t>(u64());
                ref.length = static_cast<std::size_t>(u64());
                ref.where = where();
            }
            p.narrative = std::move(n);
        }
        p.dropped_facts = i32();
        p.dropped_targets = i32();
        const std::size_t dropped = count(1);
        for (std::size_t i = 0; i < dropped; ++i) {
            p.dropped_indicators.insert(str());
        }
        p.kind_where = where();
        p.parent_where = where();
        return p;
    }

    core::Diagnostic diagnostic() {
        core::Diagnostic d;
        d.severity = enumeration<core::Severity>();
        d.where = where();
        d.message = str();
        return d;
    }

private:
    core::FileName m_park_file;
    core::FileName m_narrative_file;
};

bool in_file(const core::Diagnostic& d, const model::Park& park) {
    const std::string& file = d.where.file.str();
    return file == park.file || (park.narrative && file == park.narrative->file);
}

} // namespace

namespace {
std::string shard_name(std::size_t shard) { return fmt::format("{:02}", shard); }
} // namespace

std::size_t ParkCache::shard_of(std::string_view file) {
    std::uint32_t h = 2166136261u; // FNV-1a: the same shard for the same name on every machine
    for (const char c : file) {
        h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    }
    return h % k_shards;
}

namespace {
/// The parks of `content` that go in `shard` (all of them for none), in model order.
std::vector<const model::Park*> parks_of(const LoadedContent& content, std::optional<std::size_t> shard) {
    std::vector<const model::Park*> parks;
    for (const auto& park : content.model.parks) {
        if (!shard || ParkCache::shard_of(park.file) == *shard) {
            parks.push_back(&park);
        }
    }
    return parks;
}

/// The digests of a park's TOML file and narrative ("" for none) as `content` read them.
std::pair<const std::string*, std::string> digests_of(const LoadedContent& content, const model::Park& park) {
    const auto toml = content.digests.find(park.file);
    const auto narrative = park.narrative ? content.digests.find(park.narrative->file) : content.digests.end();
    if (toml == content.digests.end() || (park.narrative && narrative == content.digests.end())) {
        throw std::runtime_error(fmt::format("no digest of {}", park.file));
    }
    return {&toml->second, park.narrative ? narrative->second : std::string()};
}
} // namespace

std::string ParkCache::serialize(std::string_view program, const LoadedContent& content, const ParkCache* old,
                                 std::optional<std::size_t> shard) {
    std::size_t old_size = 0;
    if (old != nullptr) {
        if (shard && old->m_shards.size() == k_shards) {
            old_size = old->m_shards[*shard].bytes.size();
        } else if (!shard) {
            for (const auto& s : old->m_shards) {
                old_size += s.bytes.size();
            }
        }
    }
    return encode(program, content, old, parks_of(content, shard), old_size);
}

std::string ParkCache::encode(std::string_view program, const LoadedContent& content, const ParkCache* old,
                              const std::vector<const model::Park*>& parks, std::size_t old_size) {
    Writer w;
    // Most of it is the old cache's bytes: room for them at once, not by doubling.
    // With no old cache, as much as the first parks suggest, reserved once they are encoded.
    const bool sized = old_size > 0;
    w.bytes.reserve(sized ? old_size + old_size / 16 : 4096);
    w.bytes.append(k_magic);
    w.str(program);
    w.str(content.shared_digest);
    w.u64(parks.size());
    const std::size_t first_park = w.bytes.size();
    const std::size_t sample = sized ? 0 : std::min<std::size_t>(parks.size(), 64);
    std::size_t done = 0;
    for (const model::Park* p : parks) {
        const model::Park& park = *p;
        if (++done == sample + 1 && sample > 0) {
            const std::size_t made = w.bytes.size() - first_park;
            w.bytes.reserve(w.bytes.size() + made / sample * (parks.size() - sample) * 5 / 4);
        }
        const auto [toml, narrative_digest] = digests_of(content, park);
        if (old != nullptr) {
            const auto it = old->m_records.find(park.file);
            if (it != old->m_records.end() && old->m_shards[it->second.shard].shared == content.shared_digest &&
                it->second.toml_digest == *toml && it->second.narrative_digest == narrative_digest) {
                // the same park, the same bytes
                w.bytes.append(old->m_shards[it->second.shard].bytes, it->second.offset, it->second.length);
                continue;
            }
        }
        w.str(park.file);
        w.str(*toml);
        w.str(narrative_digest);
        Writer body;
        body.park(park);
        std::vector<const core::Diagnostic*> own;
        for (const auto& d : content.park_diagnostics) {
            if (in_file(d, park)) {
                own.push_back(&d);
            }
        }
        body.u64(own.size());
        for (const auto* d : own) {
            body.diagnostic(*d);
        }
        w.str(body.bytes);
    }
    core::seal(w.bytes);
    return std::move(w.bytes);
}

ParkCache ParkCache::deserialize(std::string bytes, std::string_view program) {
    const auto body = core::unseal(bytes, k_magic);
    if (!body) {
        return {};
    }
    try {
        Reader r(*body);
        r.skip(k_magic.size());
        if (r.str() != program) {
            return {};
        }
        ParkCache cache;
        Shard shard;
        shard.shared = r.str();
        const std::size_t n = r.count(4);
        cache.m_records.reserve(n);
        shard.files.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t start = r.position();
            std::string file = r.str();
            Record record;
            record.toml_digest = r.str();
            record.narrative_digest = r.str();
            const std::size_t length = r.count(1);
            record.body = r.position();
            record.body_length = length;
            r.skip(length);
            record.offset = start;
            record.length = r.position() - start;
            shard.files.push_back(file);
            cache.m_records.insert_or_assign(std::move(file), std::move(record));
        }
        if (!r.at_end()) {
            return {};
        }
        shard.bytes = std::move(bytes);
        cache.m_shards.push_back(std::move(shard));
        return cache;
    } catch (const std::out_of_range&) {
        return {};
    }
}

ParkCache ParkCache::read(const fs::path& folder, std::string_view program, unsigned jobs) {
    std::vector<ParkCache> parts(k_shards);
    core::for_each_run(k_shards, std::clamp(jobs, 1u, 8u), [&](std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            if (auto bytes = core::read_file(folder / shard_name(i))) {
                parts[i] = deserialize(std::move(*bytes), program);
            }
        }
    });
    ParkCache cache;
    cache.m_shards.resize(k_shards);
    std::size_t records = 0;
    for (const auto& part : parts) {
        records += part.m_records.size();
    }
    cache.m_records.reserve(records);
    for (std::size_t i = 0; i < k_shards; ++i) {
        if (parts[i].m_shards.size() != 1) {
            continue; // missing, damaged or foreign: its parks are read from their files
        }
        cache.m_shards[i] = std::move(parts[i].m_shards.front());
        for (auto& [file, record] : parts[i].m_records) {
            record.shard = i;
            cache.m_records.insert_or_assign(file, std::move(record));
        }
    }
    return cache;
}

bool ParkCache::holds(std::size_t shard, const std::vector<const model::Park*>& parks,
                      const LoadedContent& content) const {
    if (m_shards.size() != k_shards || m_shards[shard].shared != content.shared_digest ||
        m_shards[shard].files.size() != parks.size() || m_shards[shard].bytes.empty()) {
        return false;
    }
    for (std::size_t i = 0; i < parks.size(); ++i) {
        const model::Park& park = *parks[i];
        const auto it = m_records.find(park.file);
        if (m_shards[shard].files[i] != park.file || it == m_records.end() || it->second.shard != shard) {
            return false;
        }
        const auto [toml, narrative_digest] = digests_of(content, park);
        if (it->second.toml_digest != *toml || it->second.narrative_digest != narrative_digest) {
            return false;
        }
    }
    return true;
}

void ParkCache::write(const fs::path& folder, std::string_view program, const LoadedContent& content,
                      const ParkCache* old) {
    std::error_code ec;
    const auto status = fs::symlink_status(folder, ec);
    if (fs::exists(status) && !fs::is_directory(status)) {
        fs::remove(folder); // an earlier parkpress's one-file cache, or anything else
    }
    fs::create_directories(folder);
    std::vector<std::vector<const model::Park*>> parks(k_shards);
    for (const auto& park : content.model.parks) {
        parks[shard_of(park.file)].push_back(&park);
    }
    for (std::size_t i = 0; i < k_shards; ++i) {
        if (old == nullptr || !old->holds(i, parks[i], content)) {
            const bool sharded = old != nullptr && old->m_shards.size() == k_shards;
            const std::size_t old_size = sharded ? old->m_shards[i].bytes.size() : 0;
            core::write_file_atomically(folder / shard_name(i), encode(program, content, old, parks[i], old_size));
        }
    }
}

std::optional<ParkCache::Entry> ParkCache::find(const std::string& file, std::string_view toml_digest,
                                                std::string_view narrative_digest, std::string_view shared) const {
    const auto it = m_records.find(file);
    if (it == m_records.end() || m_shards[it->second.shard].shared != shared ||
        it->second.toml_digest != toml_digest || it->second.narrative_digest != narrative_digest) {
        return std::nullopt;
    }
    try {
        Reader r(std::string_view(m_shards[it->second.shard].bytes).substr(it->second.body, it->second.body_length));
        Entry e;
        e.park = r.park();
        e.diagnostics.resize(r.count(1));
        for (auto& d : e.diagnostics) {
            d = r.diagnostic();
        }
        if (!r.at_end() || e.park.file != file) {
            return std::nullopt;
        }
        return e;
    } catch (const std::out_of_range&) {
        return std::nullopt;
    }
}

} // namespace parkpress::load
