#include "core/binary.hpp"

#include "core/hash.hpp"

#include <fmt/core.h>

#include <fstream>
#include <stdexcept>

namespace parkpress::core {

void BinaryWriter::u128(UInt128 v) {
    while (v >= 0x80) {
        bytes += static_cast<char>((v & 0x7FU) | 0x80U);
        v >>= 7;
    }
    bytes += static_cast<char>(v);
}

void BinaryWriter::i128(Int128 v) {
    u128((static_cast<UInt128>(v) << 1) ^ static_cast<UInt128>(v < 0 ? -1 : 0));
}

UInt128 BinaryReader::u128() {
    // Nearly every number fits in 63 bits (nine bytes), most in one: 64-bit arithmetic first.
    std::uint64_t low = 0;
    for (int shift = 0; shift < 63; shift += 7) {
        need(1);
        const auto b = static_cast<unsigned char>(m_bytes[m_pos++]);
        low |= static_cast<std::uint64_t>(b & 0x7FU) << shift;
        if ((b & 0x80U) == 0) {
            return low;
        }
    }
    UInt128 v = low;
    for (int shift = 63;; shift += 7) {
        need(1);
        const auto b = static_cast<unsigned char>(m_bytes[m_pos++]);
        if (shift > 126) {
            throw std::out_of_range("a number too long");
        }
        v |= static_cast<UInt128>(b & 0x7FU) << shift;
        if ((b & 0x80U) == 0) {
            return v;
        }
    }
}

Int128 BinaryReader::i128() {
    const UInt128 u = u128();
    return static_cast<Int128>((u >> 1) ^ (UInt128(0) - (u & 1U)));
}

std::size_t BinaryReader::count(std::size_t item_size) {
    const std::uint64_t n = u64();
    if (n > (m_bytes.size() - m_pos) / std::max<std::size_t>(item_size, 1)) {
        throw std::out_of_range("count past the end");
    }
    return static_cast<std::size_t>(n);
}

std::string BinaryReader::str() {
    const std::size_t n = count(1);
    std::string s(m_bytes.substr(m_pos, n));
    m_pos += n;
    return s;
}

void BinaryReader::need(std::size_t n) const {
    if (n > m_bytes.size() - m_pos) {
        throw std::out_of_range("past the end");
    }
}

void seal(std::string& bytes) {
    bytes.append(digest_of(bytes));
}

std::optional<std::string_view> unseal(std::string_view bytes, std::string_view magic) {
    const std::size_t digest_size = digest_of("").size();
    if (bytes.size() < magic.size() + digest_size || !bytes.starts_with(magic)) {
        return std::nullopt;
    }
    const std::string_view body = bytes.substr(0, bytes.size() - digest_size);
    if (digest_of(body) != bytes.substr(body.size())) {
        return std::nullopt;
    }
    return body;
}

void write_file_atomically(const std::filesystem::path& file, std::string_view bytes) {
    std::filesystem::path temporary = file;
    temporary += ".new";
    {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!stream.flush()) {
            throw std::runtime_error(fmt::format("cannot write {}", temporary.generic_string()));
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        throw std::runtime_error(fmt::format("cannot write {}", file.generic_string()));
    }
}

} // namespace parkpress::core
