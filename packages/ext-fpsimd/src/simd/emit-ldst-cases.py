import json
meta=json.load(open('meta.json'))
def fnv(data,h):
    for b in data:
        h^=b; h=(h*0x01000193)&0xffffffff
    return h
lines=[]
for line,asm,w in zip(open('out.txt'),meta['insns'],meta['words']):
    p=line.split()
    h=0x811c9dc5
    h=fnv(bytes.fromhex(p[1]),h); h=fnv(bytes.fromhex(p[2]),h)
    for x in p[3:6]:
        v=int(x,16) if x!=p[3] else int(x)
        h=fnv((v & (2**64-1)).to_bytes(8,'little'),h)
    lines.append(f"  [0x{w:08x}, '{asm}', 0x{h:08x}],")
hx=lambda b:''.join(f'{x:02x}' for x in b)
o=[f"const MEM = '{hx(meta['mem'])}';", f"const VIN = '{hx(meta['vin'])}';",
"/** [word, assembly, FNV-1a of (buffer, V0–V3, X1 − buffer, X2, X3)] recorded under qemu-aarch64 7.2. */",
"const CASES: readonly (readonly [number, string, number])[] = ["]+lines+["];"]
open('data.txt','w').write('\n'.join(o)+'\n')
