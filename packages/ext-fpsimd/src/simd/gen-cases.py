# Regenerates the QEMU-recorded cases (run in a scratch directory): python3 THIS.py &&
#   aarch64-linux-gnu-gcc -O0 -static t.c -o t && qemu-aarch64 -cpu max ./t > out.txt &&
#   python3 the matching emit-*.py  -> data.txt, which replaces the data part of the test file.
import random, subprocess, sys, json, os
random.seed(4)
insns = []
def A(s): insns.append(s)
V = {0:['8b','16b'],1:['4h','8h'],2:['2s','4s'],3:[None,'2d']}
def arr(sizes, q=(0,1)):
    for sz in sizes:
        for qq in q:
            a = V[sz][qq]
            if a: yield sz, qq, a
# three same
same = {'shadd':'012','uhadd':'012','sqadd':'0123','uqadd':'0123','srhadd':'012','urhadd':'012','shsub':'012','uhsub':'012',
 'sqsub':'0123','uqsub':'0123','cmgt':'0123','cmhi':'0123','cmge':'0123','cmhs':'0123','sshl':'0123','ushl':'0123',
 'sqshl':'0123','uqshl':'0123','srshl':'0123','urshl':'0123','sqrshl':'0123','uqrshl':'0123','smax':'012','umax':'012','smin':'012','umin':'012',
 'sabd':'012','uabd':'012','saba':'012','uaba':'012','add':'0123','sub':'0123','cmtst':'0123','cmeq':'0123','mla':'012','mls':'012','mul':'012','pmul':'0',
 'smaxp':'012','umaxp':'012','sminp':'012','uminp':'012','sqdmulh':'12','sqrdmulh':'12','addp':'0123'}
for op, sizes in same.items():
    for sz,q,a in arr([int(c) for c in sizes]):
        A(f'{op} v0.{a}, v1.{a}, v2.{a}')
for op in ['and','bic','orr','orn','eor','bsl','bit','bif']:
    for a in ['8b','16b']: A(f'{op} v0.{a}, v1.{a}, v2.{a}')
R = 'bhsd'
ssame = {'sqadd':'0123','uqadd':'0123','sqsub':'0123','uqsub':'0123','sqshl':'0123','uqshl':'0123','sqrshl':'0123','uqrshl':'0123','sqdmulh':'12','sqrdmulh':'12',
  'cmgt':'3','cmhi':'3','cmge':'3','cmhs':'3','sshl':'3','ushl':'3','srshl':'3','urshl':'3','add':'3','sub':'3','cmtst':'3','cmeq':'3'}
for op,sizes in ssame.items():
    for c in sizes:
        r=R[int(c)]; A(f'{op} {r}0, {r}1, {r}2')
# three different
for op in ['saddl','uaddl','ssubl','usubl','sabal','uabal','sabdl','uabdl','smlal','umlal','smlsl','umlsl','smull','umull']:
    for sz in (0,1,2):
        n=V[sz]; w=V[sz+1][1]
        A(f'{op} v0.{w}, v1.{n[0]}, v2.{n[0]}'); A(f'{op}2 v0.{w}, v1.{n[1]}, v2.{n[1]}')
for op in ['saddw','uaddw','ssubw','usubw']:
    for sz in (0,1,2):
        n=V[sz]; w=V[sz+1][1]
        A(f'{op} v0.{w}, v1.{w}, v2.{n[0]}'); A(f'{op}2 v0.{w}, v1.{w}, v2.{n[1]}')
for op in ['addhn','raddhn','subhn','rsubhn']:
    for sz in (0,1,2):
        n=V[sz]; w=V[sz+1][1]
        A(f'{op} v0.{n[0]}, v1.{w}, v2.{w}'); A(f'{op}2 v0.{n[1]}, v1.{w}, v2.{w}')
for op in ['sqdmlal','sqdmlsl','sqdmull']:
    for sz in (1,2):
        n=V[sz]; w=V[sz+1][1]
        A(f'{op} v0.{w}, v1.{n[0]}, v2.{n[0]}'); A(f'{op}2 v0.{w}, v1.{n[1]}, v2.{n[1]}')
        A(f'{op} {R[sz+1]}0, {R[sz]}1, {R[sz]}2')
A('pmull v0.8h, v1.8b, v2.8b'); A('pmull2 v0.8h, v1.16b, v2.16b')
# two-reg misc
misc = {'saddlp':'012','uaddlp':'012','sadalp':'012','uadalp':'012'}
for op in misc:
    for sz,q,a in arr([0,1,2]):
        w = V[sz+1][q] if sz<2 else (V[3][1] if q else '1d')
        A(f'{op} v0.{w}, v1.{a}')
for op,s in {'suqadd':'0123','usqadd':'0123','cls':'012','clz':'012','sqabs':'0123','sqneg':'0123','abs':'0123','neg':'0123'}.items():
    for sz,q,a in arr([int(c) for c in s]): A(f'{op} v0.{a}, v1.{a}')
for op in ['cmgt','cmge','cmeq','cmle','cmlt']:
    for sz,q,a in arr([0,1,2,3]): A(f'{op} v0.{a}, v1.{a}, #0')
    A(f'{op} d0, d1, #0')
for op in ['suqadd','usqadd','sqabs','sqneg']:
    for r in R: A(f'{op} {r}0, {r}1')
A('abs d0, d1'); A('neg d0, d1')
for op in ['xtn','sqxtn','uqxtn','sqxtun']:
    for sz in (0,1,2):
        n=V[sz]; w=V[sz+1][1]
        A(f'{op} v0.{n[0]}, v1.{w}'); A(f'{op}2 v0.{n[1]}, v1.{w}')
        if op!='xtn': A(f'{op} {R[sz]}0, {R[sz+1]}1')
for sz in (0,1,2):
    n=V[sz]; w=V[sz+1][1]
    A(f'shll v0.{w}, v1.{n[0]}, #{8<<sz}'); A(f'shll2 v0.{w}, v1.{n[1]}, #{8<<sz}')
for a in ['8b','16b']:
    A(f'cnt v0.{a}, v1.{a}'); A(f'not v0.{a}, v1.{a}'); A(f'rbit v0.{a}, v1.{a}')
for op,c in [('rev64',3),('rev32',2),('rev16',1)]:
    for sz,q,a in arr(range(c)): A(f'{op} v0.{a}, v1.{a}')
A('addp d0, v1.2d')
for a in ['2s','4s']:
    A(f'urecpe v0.{a}, v1.{a}'); A(f'ursqrte v0.{a}, v1.{a}')
# across
for op in ['saddlv','uaddlv','smaxv','umaxv','sminv','uminv','addv']:
    for sz,q,a in arr([0,1,2]):
        if sz==2 and not q: continue
        r = R[sz+1] if 'lv' in op else R[sz]
        A(f'{op} {r}0, v1.{a}')
# shifts
def shamts(es):
    e=8<<es
    return sorted(set([1,e//2,e-1,e,3]))
for op in ['sshr','ushr','ssra','usra','srshr','urshr','srsra','ursra','sri']:
    for sz,q,a in arr([0,1,2,3]):
        for s in shamts(sz): A(f'{op} v0.{a}, v1.{a}, #{s}')
    for s in [1,32,63,64]: A(f'{op} d0, d1, #{s}')
for op in ['shl','sli','sqshl','uqshl','sqshlu']:
    for sz,q,a in arr([0,1,2,3]):
        for s in [0,1,(8<<sz)//2,(8<<sz)-1]: A(f'{op} v0.{a}, v1.{a}, #{s}')
    for s in [0,5,63]: A(f'{op} d0, d1, #{s}')
for op in ['sqshl','uqshl','sqshlu']:
    for es in range(3):
        for s in [0,3,(8<<es)-1]: A(f'{op} {R[es]}0, {R[es]}1, #{s}')
for op in ['shrn','rshrn','sqshrn','uqshrn','sqrshrn','uqrshrn','sqshrun','sqrshrun']:
    for sz in (0,1,2):
        n=V[sz]; w=V[sz+1][1]; e=8<<sz
        for s in [1,e//2,e]:
            A(f'{op} v0.{n[0]}, v1.{w}, #{s}'); A(f'{op}2 v0.{n[1]}, v1.{w}, #{s}')
            if op not in ('shrn','rshrn'): A(f'{op} {R[sz]}0, {R[sz+1]}1, #{s}')
for op in ['sshll','ushll']:
    for sz in (0,1,2):
        n=V[sz]; w=V[sz+1][1]; e=8<<sz
        for s in [0,1,e-1]:
            A(f'{op} v0.{w}, v1.{n[0]}, #{s}'); A(f'{op}2 v0.{w}, v1.{n[1]}, #{s}')
# by element
for op in ['mla','mls','mul','sqdmulh','sqrdmulh']:
    for a,e,idx in [('4h','h',5),('8h','h',7),('2s','s',1),('4s','s',3)]:
        A(f'{op} v0.{a}, v1.{a}, v2.{e}[{idx}]')
for op in ['smlal','umlal','smlsl','umlsl','smull','umull','sqdmlal','sqdmlsl','sqdmull']:
    for w,n,e,idx,two in [('4s','4h','h',6,''),('4s','8h','h',2,'2'),('2d','2s','s',1,''),('2d','4s','s',3,'2')]:
        A(f'{op}{two} v0.{w}, v1.{n}, v2.{e}[{idx}]')
for op in ['sqdmulh','sqrdmulh']:
    A(f'{op} h0, h1, v2.h[3]'); A(f'{op} s0, s1, v2.s[2]')
for op in ['sqdmlal','sqdmlsl','sqdmull']:
    A(f'{op} s0, h1, v2.h[7]'); A(f'{op} d0, s1, v2.s[1]')
# copy
for a,e,idx in [('8b','b',3),('16b','b',15),('4h','h',2),('8h','h',7),('2s','s',1),('4s','s',3),('2d','d',1)]:
    A(f'dup v0.{a}, v1.{e}[{idx}]')
for a,r in [('8b','w1'),('16b','w1'),('4h','w1'),('8h','w1'),('2s','w1'),('4s','w1'),('2d','x1')]:
    A(f'dup v0.{a}, {r}')
for r in 'bhsd': A(f'dup {r}0, v1.{r}[1]')
A('mov v0.b[9], w1'); A('mov v0.h[3], w1'); A('mov v0.s[2], w1'); A('mov v0.d[1], x1')
A('mov v0.b[9], v1.b[3]'); A('mov v0.h[1], v1.h[6]'); A('mov v0.s[3], v1.s[0]'); A('mov v0.d[0], v1.d[1]')
A('umov w0, v1.b[13]'); A('umov w0, v1.h[5]'); A('umov w0, v1.s[3]'); A('umov x0, v1.d[1]')
A('smov w0, v1.b[13]'); A('smov w0, v1.h[5]'); A('smov x0, v1.b[2]'); A('smov x0, v1.h[7]'); A('smov x0, v1.s[1]')
# modified immediate
for q in ['2s','4s']:
    for sh in [0,8,16,24]:
        A(f'movi v0.{q}, #0xa5, lsl #{sh}'); A(f'mvni v0.{q}, #0x5a, lsl #{sh}'); A(f'orr v0.{q}, #0x81, lsl #{sh}'); A(f'bic v0.{q}, #0x81, lsl #{sh}')
    A(f'movi v0.{q}, #0x3c, msl #8'); A(f'movi v0.{q}, #0x3c, msl #16'); A(f'mvni v0.{q}, #0x3c, msl #8'); A(f'mvni v0.{q}, #0x3c, msl #16')
    A(f'fmov v0.{q}, #-1.25'); A(f'fmov v0.{q}, #31.0')
for q in ['4h','8h']:
    for sh in [0,8]:
        A(f'movi v0.{q}, #0xa5, lsl #{sh}'); A(f'mvni v0.{q}, #0x5a, lsl #{sh}'); A(f'orr v0.{q}, #0x81, lsl #{sh}'); A(f'bic v0.{q}, #0x81, lsl #{sh}')
A('movi v0.8b, #0xe7'); A('movi v0.16b, #0x18'); A('movi d0, #0xff00ff0000ffff00'); A('movi v0.2d, #0x00ff00ff0000ffff'); A('fmov v0.2d, #0.125'); A('fmov v0.2d, #-3.0')
# permute/ext/tbl
for op in ['uzp1','uzp2','trn1','trn2','zip1','zip2']:
    for sz,q,a in arr([0,1,2,3]): A(f'{op} v0.{a}, v1.{a}, v2.{a}')
for i in [0,3,7]: A(f'ext v0.8b, v1.8b, v2.8b, #{i}')
for i in [0,1,9,15]: A(f'ext v0.16b, v1.16b, v2.16b, #{i}')
for op in ['tbl','tbx']:
    for a in ['8b','16b']:
        A(f'{op} v0.{a}, {{v1.16b}}, v3.{a}'); A(f'{op} v0.{a}, {{v1.16b, v2.16b}}, v3.{a}')
        A(f'{op} v0.{a}, {{v1.16b, v2.16b, v3.16b}}, v3.{a}'); A(f'{op} v0.{a}, {{v31.16b, v0.16b, v1.16b, v2.16b}}, v3.{a}')

for a in ['add v1.4s, v1.4s, v1.4s','zip1 v1.16b, v2.16b, v1.16b','uzp2 v2.8h, v2.8h, v1.8h','trn1 v1.4s, v1.4s, v1.4s',
          'ext v2.16b, v1.16b, v2.16b, #5','tbl v1.16b, {v1.16b, v2.16b}, v1.16b','tbx v2.16b, {v1.16b, v2.16b}, v2.16b',
          'smlal2 v1.4s, v1.8h, v1.8h','sqdmlal v2.2d, v2.2s, v2.s[1]','addhn2 v1.16b, v1.8h, v1.8h','sqrshrn2 v1.8h, v1.4s, #3',
          'mov v1.s[1], v1.s[3]','dup v1.8h, v1.h[7]','sli v1.2d, v1.2d, #17','mla v2.8h, v2.8h, v2.h[1]','uzp1 v1.2d, v2.2d, v1.2d']:
    A(a)
# reserved encodings (expected UNDEF), made by changing fields of valid encodings: [asm, and-mask, or-bits]
RESERVED = [('add v0.2d, v1.2d, v2.2d', ~(1<<30), 0), ('shadd v0.4s, v1.4s, v2.4s', -1, 3<<22),
  ('sqdmulh v0.8h, v1.8h, v2.8h', ~(3<<22), 0), ('dup v0.2d, v1.d[1]', ~(1<<30), 0), ('umov x0, v1.d[1]', ~(1<<30), 0),
  ('smov x0, v1.s[1]', ~(1<<30), 0), ('ext v0.8b, v1.8b, v2.8b, #7', -1, 1<<14), ('uaddlv d0, v1.4s', ~(1<<30), 0),
  ('sshr v0.2d, v1.2d, #3', ~(1<<30), 0), ('shrn v0.2s, v1.2d, #1', -1, 1<<22), ('sqxtn s0, d1', -1, 3<<22),
  ('fmov v0.2d, #0.125', ~(1<<30), 0), ('xtn v0.2s, v1.2d', -1, 3<<22), ('pmul v0.16b, v1.16b, v2.16b', -1, 1<<22),
  ('cls v0.4s, v1.4s', -1, 3<<22), ('rev32 v0.8h, v1.8h', ~(3<<22), 2<<22), ('rev16 v0.16b, v1.16b', -1, 1<<22),
  ('smull v0.2d, v1.2s, v2.2s', -1, 3<<22), ('saddlp v0.2d, v1.4s', -1, 3<<22), ('zip1 v0.2d, v1.2d, v2.2d', ~(1<<30), 0),
  ('sqshl v0.2d, v1.2d, #3', ~(1<<30), 0), ('sshll v0.2d, v1.2s, #1', -1, 1<<22), ('mul v0.4s, v1.4s, v2.s[1]', ~(3<<22), 3<<22),
  ('addp v0.2d, v1.2d, v2.2d', ~(1<<30), 0), ('cmeq v0.2d, v1.2d, #0', ~(1<<30), 0), ('addv s0, v1.4s', ~(1<<30), 0),
  ('smaxv s0, v1.4s', -1, 1<<22)]
for a,_,_ in RESERVED: A(a)
open('insns.txt','w').write('\n'.join(insns))
# assemble
with open('all.s','w') as f:
    for i in insns: f.write(i+'\n')
subprocess.run(['aarch64-linux-gnu-as','-march=armv8-a','all.s','-o','all.o'],check=True)
out = subprocess.run(['aarch64-linux-gnu-objdump','-d','all.o'],capture_output=True,text=True).stdout
words=[]
for line in out.splitlines():
    p=line.split('\t')
    if len(p)>=3 and p[0].strip().endswith(':') and len(p[1].strip())==8:
        words.append(int(p[1].strip(),16))
assert len(words)==len(insns),(len(words),len(insns))
for j,(a,msk,orb) in enumerate(RESERVED):
    k=len(insns)-len(RESERVED)+j
    words[k]=(words[k] & msk | orb) & 0xffffffff
    insns[k]='UNDEF: '+a+' with fields changed'
# input sets
def rb(n): return [random.randrange(256) for _ in range(n)]
sets=[]
specials8=[0x7f,0x80,0xff,0x00,0x01,0x81,0xfe,0x7e,0x40,0xc0,0x3f,0x10,0x20,0xf0,0x0f,0x55]
sp16=[0x7fff,0x8000,0xffff,0x0000,0x0001,0x8001,0x4000,0xc000]
sp32=[0x7fffffff,0x80000000,0xffffffff,0x00000001,0x40000000,0xc0000000,0x00010000,0x7ffffffe]
sp64=[0x8000000000000000,0x7fffffffffffffff,0xffffffffffffffff,0x1,0x4000000000000000,0xc000000000000001,0x00000000ffffffff,0xfffffffe00000000]
def le(v,n): return list(v.to_bytes(n,'little'))
s0=rb(64)
s1=[]; 
for r in range(4):
    s1+= [specials8[(i*3+r*5)%16] for i in range(16)]
s2=[]
s2+=sum([le(sp16[(i+1)%8],2) for i in range(8)],[])
s2+=sum([le(sp16[(i*3+2)%8],2) for i in range(8)],[])
s2+=sum([le(sp32[(i+1)%8],4) for i in range(4)],[])
s2+=sum([le(sp64[(i+3)%8],8) for i in range(2)],[])
s3=sum([le(sp32[(i*5)%8],4) for i in range(4)],[]) + sum([le(sp64[(i+5)%8],8) for i in range(2)],[]) + [random.randrange(-70,70)&0xff for _ in range(16)] + sum([le(sp64[(i)%8],8) for i in range(2)],[])
s4=[random.randrange(-20,20)&0xff for _ in range(16)] + rb(16) + [random.choice([1,2,3,0xfd,0xff,0x41,0x81]) for _ in range(16)] + rb(16)
s5=rb(64)
s6=sum([le(random.choice(sp64)^random.choice([0,1,2,0x8000000000000000,0x80000000,0x8000]),8) for _ in range(8)],[])
s7=[random.choice([0,0xff,0x80,0x7f,0x01,0xfe]) for _ in range(64)]
sets=[s0,s1,s2,s3,s4,s5,s6,s7]
gin=[[random.getrandbits(64) for _ in range(4)] for _ in sets]
gin[6]=[0x8000000000000000,0x7fffffffffffffff,0xffffffffffffffff,0]
gin[1]=[0x8000000000000081,0x7fffffffffff8000,0x1ff,0xffffffff80000000]
json.dump({'insns':insns,'words':words,'sets':sets,'gin':gin},open('meta.json','w'))
# C program
c=['#include <stdio.h>','#include <stdint.h>','#include <string.h>','#include <setjmp.h>','#include <signal.h>','static sigjmp_buf jb; static void ill(int s){(void)s; siglongjmp(jb,1);}']
c.append(f'uint8_t vin[{len(sets)}][64] __attribute__((aligned(16))) = {{'+','.join('{'+','.join(map(str,s))+'}' for s in sets)+'};')
c.append(f'uint64_t gin[{len(sets)}][4] = {{'+','.join('{'+','.join(hex(x)+'ULL' for x in g)+'}' for g in gin)+'};')
c.append('uint8_t vout[64] __attribute__((aligned(16))); uint64_t gout[4]; uint64_t fpsr;')
c.append('static void pr(int i,int k){printf("%d %d ",i,k);for(int j=0;j<64;j++)printf("%02x",vout[j]);for(int j=0;j<4;j++)printf(" %016llx",(unsigned long long)gout[j]);printf(" %llx\\n",(unsigned long long)fpsr);}')
c.append('int main(void){ signal(SIGILL, ill);')
for i,ins in enumerate(insns):
    for k in range(len(sets)):
        c.append(f'if (sigsetjmp(jb,1)) {{ printf("{i} {k} UNDEF\\n"); }} else {{ asm volatile("ld1 {{v0.16b-v3.16b}}, [%[vi]]\\n ldp x0, x1, [%[gi]]\\n ldp x2, x3, [%[gi], #16]\\n mov v31.16b, v3.16b\\n msr fpsr, xzr\\n .inst {words[i]:#x}\\n st1 {{v0.16b-v3.16b}}, [%[vo]]\\n stp x0, x1, [%[go]]\\n stp x2, x3, [%[go], #16]\\n mrs x9, fpsr\\n str x9, [%[fp]]" :: [vi]"r"(vin[{k}]), [gi]"r"(gin[{k}]), [vo]"r"(vout), [go]"r"(gout), [fp]"r"(&fpsr) : "x0","x1","x2","x3","x9","v0","v1","v2","v3","v31","memory"); pr({i},{k}); }}')
c.append('return 0;}')
open('t.c','w').write('\n'.join(c))
print(len(insns))
