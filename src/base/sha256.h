// SHA-256 (FIPS 180-4) of a byte string, as lower-case hex (OpenSSL libcrypto). Used for source.sha256 so archives can
// de-duplicate and verify inputs.
#pragma once

#include <string>
#include <string_view>

namespace congvan {

std::string Sha256Hex(std::string_view data);

}  // namespace congvan
