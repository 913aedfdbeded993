#pragma once

#include "core/diagnostics.hpp"
#include "model/model.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parkpress::load {

struct LoadedContent;

/// The parks an earlier build loaded, so that a rebuild parses only the park files that
/// changed. A park is taken from the cache when its TOML file and its narrative have the same
/// digests as then, and everything else it was read against is the same too: the content
/// files that are not a park's or a bulletin's (site, indicators, sources, provinces) and
/// parkpress itself. With the loading warnings it gave then, a cached park is
/// indistinguishable from one loaded again; tests compare the two.
///
/// The cache is a folder of k_shards files; a park goes in the one shard_of its file names.
/// Each is binary, written in one piece (a temporary file renamed) and checked whole when
/// read (a digest of its bytes): a missing, damaged or foreign shard is an empty one, and its
/// parks are loaded from their files. A rebuild writes again only the shards whose parks
/// changed, so that one edit costs a 32nd of the cache, not all of it.
class ParkCache {
public:
    static constexpr std::size_t k_shards = 32;

    /// A park as the cache holds it, with the warnings loading it gave.
    struct Entry {
        model::Park park;
        std::vector<core::Diagnostic> diagnostics;
    };

    ParkCache() = default;
    /// The cache in `folder`, the shards that `program` (parkpress's own digest and options)
    /// wrote. Shards are read on up to `jobs` threads.
    static ParkCache read(const std::filesystem::path& folder, std::string_view program, unsigned jobs = 1);
    /// Writes the parks of `content`, which loaded without errors, into `folder`: the shards
    /// whose parks are not all as `old` holds them. A park that `old` holds with the same files
    /// is copied from it rather than encoded again. Throws std::runtime_error.
    static void write(const std::filesystem::path& folder, std::string_view program, const LoadedContent& content,
                      const ParkCache* old = nullptr);
    /// The shard a park file (content-relative) goes in.
    static std::size_t shard_of(std::string_view file);

    /// The park file `file` (content-relative) as the cache holds it, if its TOML and its
    /// narrative ("" for none) had these digests and it was read against the same `shared`
    /// files (LoadedContent::shared_digest). Decoded at each call; safe from any thread.
    [[nodiscard]] std::optional<Entry> find(const std::string& file, std::string_view toml_digest,
                                            std::string_view narrative_digest, std::string_view shared) const;
    [[nodiscard]] std::size_t size() const { return m_records.size(); }

    /// The bytes of one shard holding the parks of `content` (all of them when `shard` is
    /// none), and the cache such bytes hold: for tests, and for `write` and `read`.
    static std::string serialize(std::string_view program, const LoadedContent& content,
                                 const ParkCache* old = nullptr, std::optional<std::size_t> shard = std::nullopt);
    static ParkCache deserialize(std::string bytes, std::string_view program);

private:
    /// Where a park's record is: its shard, all of the record, and its encoded park and warnings.
    struct Record {
        std::string toml_digest;
        std::string narrative_digest;
        std::size_t shard = 0;
        std::size_t offset = 0;
        std::size_t length = 0;
        std::size_t body = 0;
        std::size_t body_length = 0;
    };
    /// One shard's bytes, the digest of the files its parks were read against, and its parks'
    /// files in the order it holds them.
    struct Shard {
        std::string bytes;
        std::string shared;
        std::vector<std::string> files;
    };
    /// The bytes of a shard holding `parks`, in that order; `old_size`: the size of the shard
    /// `old` had for them, if any (what to reserve).
    static std::string encode(std::string_view program, const LoadedContent& content, const ParkCache* old,
                              const std::vector<const model::Park*>& parks, std::size_t old_size);
    /// Whether `shard` of this cache holds exactly these parks, read from the same files.
    [[nodiscard]] bool holds(std::size_t shard, const std::vector<const model::Park*>& parks,
                             const LoadedContent& content) const;

    std::vector<Shard> m_shards;
    std::unordered_map<std::string, Record> m_records;
};

} // namespace parkpress::load
