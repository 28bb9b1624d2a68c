import json
meta=json.load(open('meta.json'))
insns=meta['insns']; words=meta['words']; sets=meta['sets']; gin=meta['gin']
res={}
for line in open('out.txt'):
    p=line.split()
    i,k=int(p[0]),int(p[1])
    if p[2]=='UNDEF':
        res.setdefault(i,{})[k]=None
        continue
    v=bytes.fromhex(p[2]); g=[int(x,16) for x in p[3:7]]; fpsr=int(p[7],16)
    res.setdefault(i,{})[k]=(v,g,fpsr)
def fnv(data,h):
    for b in data:
        h^=b; h=(h*0x01000193)&0xffffffff
    return h
lines=[]
for i in range(len(insns)):
    h=0x811c9dc5
    if res[i][0] is None:
        assert all(res[i][k] is None for k in range(len(sets)))
        lines.append(f"  [0x{words[i]:08x}, '{insns[i]}', -1],")
        continue
    for k in range(len(sets)):
        v,g,fpsr=res[i][k]
        h=fnv(v,h)
        for x in g: h=fnv(x.to_bytes(8,'little'),h)
        h=fnv((fpsr & 0x0800009f).to_bytes(4,'little'),h)
    lines.append(f"  [0x{words[i]:08x}, '{insns[i]}', 0x{h:08x}],")
def hx(b): return ''.join(f'{x:02x}' for x in b)
out=[]
out.append("/** Input sets: V0–V3 (64 bytes, hex, little-endian; V31 = V3), X0–X3. */")
out.append("export const SETS: readonly (readonly [string, readonly bigint[]])[] = [")
for s,g in zip(sets,gin):
    out.append(f"  ['{hx(s)}', [{', '.join(hex(x)+'n' for x in g)}]],")
out.append("];")
out.append("/** [instruction word, assembly, FNV-1a of (V0–V3, X0–X3, FPSR) over all sets, recorded under qemu-aarch64 7.2 -cpu max]. */")
out.append("export const CASES: readonly (readonly [number, string, number])[] = [")
out+=lines
out.append("];")
open('data.txt','w').write('\n'.join(out)+'\n')
