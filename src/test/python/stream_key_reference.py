"""Independent reference for StreamKeyTest's fixed vectors (org.auditgate.engine.augment.StreamKey).

Re-implements, in plain Python integers, the seed derivation documented in StreamKey's Javadoc and
Vigna's xoroshiro128++ (rotations 49, 21, 28; output rotl(s0 + s1, 17) + s0), and prints the first
three outputs as signed Java longs for the keys the test uses.

Run: /usr/bin/python3 src/test/python/stream_key_reference.py
"""
M = (1 << 64) - 1
G = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def seed(audit_seed, arm_code, seed_index, step, image_index):
    h = mix((audit_seed + G) & M)
    for field in (arm_code, seed_index, step, image_index):
        h = mix(((h ^ field) + G) & M)
    s0 = mix((h + G) & M)
    s1 = mix(s0 ^ G)
    return s0, s1


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


def xoroshiro128pp(s0, s1, n):
    out = []
    for _ in range(n):
        out.append((rotl((s0 + s1) & M, 17) + s0) & M)
        s1 ^= s0
        s0 = rotl(s0, 49) ^ s1 ^ ((s1 << 21) & M)
        s1 = rotl(s1, 28)
    return out


def signed(x):
    return x - (1 << 64) if x >> 63 else x


CLEAN, NOISE = 1, 2
for name, key in (("A", (42 & M, NOISE, 3, 7, 11)), ("B", (0, CLEAN, 0, 0, 0))):
    values = xoroshiro128pp(*seed(*key), 3)
    print(name, key, ", ".join("%dL" % signed(v) for v in values))
