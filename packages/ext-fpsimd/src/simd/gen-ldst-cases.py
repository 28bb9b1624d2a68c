# Regenerates the QEMU-recorded cases (run in a scratch directory): python3 THIS.py &&
#   aarch64-linux-gnu-gcc -O0 -static t.c -o t && qemu-aarch64 -cpu max ./t > out.txt &&
#   python3 the matching emit-*.py  -> data.txt, which replaces the data part of the test file.
import random, subprocess, json
random.seed(7)
I=[]
def A(s): I.append(s)
regs={'b':0,'h':1,'s':2,'d':3,'q':4}
for r,sz in regs.items():
    n=1<<sz
    for op in ['ldr','str']:
        A(f'{op} {r}0, [x1, #{n*3}]'); A(f'{op} {r}0, [x1]')
        A(f'{op} {r}0, [x1, #{n*2}]!'); A(f'{op} {r}0, [x1], #-{n}')
        A(f'{op} {r}0, [x1, #-5]!'); A(f'{op} {r}0, [x1], #7')
        A(f'{op} {r}0, [x1, x3]'); A(f'{op} {r}0, [x1, w2, sxtw]')
        if sz: A(f'{op} {r}0, [x1, x3, lsl #{sz}]'); A(f'{op} {r}0, [x1, w3, uxtw #{sz}]'); A(f'{op} {r}0, [x1, w2, sxtw #{sz}]')
    A(f'ldur {r}0, [x1, #-3]'); A(f'stur {r}0, [x1, #13]')
for r,sz in [('s',2),('d',3),('q',4)]:
    n=1<<sz
    for op in ['ldp','stp']:
        A(f'{op} {r}0, {r}1, [x1, #{n*2}]'); A(f'{op} {r}0, {r}1, [x1, #-{n}]!'); A(f'{op} {r}0, {r}1, [x1], #{n*3}')
        A(f'{op} {r}2, {r}0, [x1]')
    A(f'ldnp {r}0, {r}1, [x1, #-{n*2}]'); A(f'stnp {r}0, {r}1, [x1, #{n}]')
A('ldp s0, s0, [x1]'); A('ldp q3, q3, [x1, #32]')
arrs=['8b','16b','4h','8h','2s','4s','1d','2d']
for a in arrs:
    for k in range(1,5):
        if k>1 and a=='1d': 
            for op in ['ld1','st1']:
                regs_='{'+', '.join(f'v{j}.{a}' for j in range(k))+'}'
                A(f'{op} {regs_}, [x1]')
            continue
        for op in [f'ld{k}',f'st{k}']+([f'ld1',f'st1'] if k>1 else []):
            regs_='{'+', '.join(f'v{j}.{a}' for j in range(k))+'}'
            A(f'{op} {regs_}, [x1]')
            tot=k*(16 if a in ('16b','8h','4s','2d') else 8)
            A(f'{op} {regs_}, [x1], #{tot}')
            A(f'{op} {regs_}, [x1], x2')
# wrap around
A('ld4 {v30.4s, v31.4s, v0.4s, v1.4s}, [x1]'); A('st3 {v31.8b, v0.8b, v1.8b}, [x1]')
for e,idxs in [('b',[0,5,15]),('h',[1,7]),('s',[0,3]),('d',[1])]:
    for k in range(1,5):
        for i in idxs:
            regs_='{'+', '.join(f'v{j}.{e}' for j in range(k))+'}'
            for op in [f'ld{k}',f'st{k}']:
                A(f'{op} {regs_}[{i}], [x1]')
                A(f'{op} {regs_}[{i}], [x1], #{k*{"b":1,"h":2,"s":4,"d":8}[e]}')
                A(f'{op} {regs_}[{i}], [x1], x3')
for a in arrs:
    for k in range(1,5):
        regs_='{'+', '.join(f'v{j}.{a}' for j in range(k))+'}'
        A(f'ld{k}r {regs_}, [x1]'); A(f'ld{k}r {regs_}, [x1], x2')
        eb={'8b':1,'16b':1,'4h':2,'8h':2,'2s':4,'4s':4,'1d':8,'2d':8}[a]
        A(f'ld{k}r {regs_}, [x1], #{k*eb}')
with open('all.s','w') as f: f.write('\n'.join(I)+'\n')
subprocess.run(['aarch64-linux-gnu-as','all.s','-o','all.o'],check=True)
out=subprocess.run(['aarch64-linux-gnu-objdump','-d','all.o'],capture_output=True,text=True).stdout
W=[]
for line in out.splitlines():
    p=line.split('\t')
    if len(p)>=3 and p[0].strip().endswith(':') and len(p[1].strip())==8: W.append(int(p[1].strip(),16))
assert len(W)==len(I)
mem=[random.randrange(256) for _ in range(256)]
vin=[random.randrange(256) for _ in range(64)]
json.dump({'insns':I,'words':W,'mem':mem,'vin':vin},open('meta.json','w'))
c=['#include <stdio.h>','#include <stdint.h>','#include <string.h>']
c.append('uint8_t mem0[256]={'+','.join(map(str,mem))+'};')
c.append('uint8_t vin[64] __attribute__((aligned(16)))={'+','.join(map(str,vin))+'};')
c.append('uint8_t buf[256] __attribute__((aligned(256))); uint8_t vout[64] __attribute__((aligned(16))); uint64_t g[4];')
c.append('static void pr(int i){printf("%d ",i);for(int j=0;j<256;j++)printf("%02x",buf[j]);printf(" ");for(int j=0;j<64;j++)printf("%02x",vout[j]);printf(" %lld %llx %llx\\n",(long long)(g[1]-(uint64_t)buf),(unsigned long long)g[2],(unsigned long long)g[3]);}')
c.append('int main(void){')
for i,w in enumerate(W):
    c.append(f'memcpy(buf,mem0,256); asm volatile("ld1 {{v0.16b-v3.16b}}, [%[vi]]\\n mov v30.16b, v2.16b\\n mov v31.16b, v3.16b\\n add x1, %[b], #128\\n mov x2, #-16\\n mov x3, #24\\n .inst {w:#x}\\n st1 {{v0.16b-v3.16b}}, [%[vo]]\\n stp x1, x2, [%[go], #8]\\n str x3, [%[go], #24]" :: [vi]"r"(vin), [b]"r"(buf), [vo]"r"(vout), [go]"r"(g) : "x1","x2","x3","v0","v1","v2","v3","v30","v31","memory"); pr({i});')
c.append('return 0;}')
open('t.c','w').write('\n'.join(c))
print(len(I))
