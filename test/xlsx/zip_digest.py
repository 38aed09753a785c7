"""For each entry of a zip package: a digest of its stored (compressed) bytes and its CRC, read with Python's zipfile."""
import hashlib
import json
import struct
import sys
import zipfile


def main(path):
    out = {}
    with open(path, "rb") as f:
        data = f.read()
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            off = info.header_offset
            name_len, extra_len = struct.unpack("<HH", data[off + 26:off + 30])
            start = off + 30 + name_len + extra_len
            raw = data[start:start + info.compress_size]
            out[info.filename] = {"sha": hashlib.sha256(raw).hexdigest(), "crc": info.CRC, "size": info.file_size}
        bad = z.testzip()
    print(json.dumps({"entries": out, "bad": bad}))


if __name__ == "__main__":
    main(sys.argv[1])
