# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.11.3
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x01L\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><circle cx=\x2216\
\x22 cy=\x2216\x22 r=\x2212\x22\
 fill=\x22none\x22 str\
oke=\x22#1c4f8a\x22 st\
roke-width=\x222\x22/>\
<ellipse cx=\x2216\x22\
 cy=\x2216\x22 rx=\x225\x22 \
ry=\x2212\x22 fill=\x22no\
ne\x22 stroke=\x22#1c4\
f8a\x22 stroke-widt\
h=\x222\x22/><path d=\x22\
M4 16 H28 M6 10 \
H26 M6 22 H26\x22 s\
troke=\x22#1c4f8a\x22 \
stroke-width=\x221.\
5\x22/></svg>\x0a\
\x00\x00\x01E\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M10 1\
3 H20 A7 7 0 0 1\
 20 27 H12\x22 fill\
=\x22none\x22 stroke=\x22\
#1c4f8a\x22 stroke-\
width=\x223\x22 stroke\
-linecap=\x22round\x22\
/><path d=\x22M14 7\
 L8 13 L14 19\x22 f\
ill=\x22none\x22 strok\
e=\x22#1c4f8a\x22 stro\
ke-width=\x223\x22 str\
oke-linejoin=\x22ro\
und\x22 stroke-line\
cap=\x22round\x22/></s\
vg>\x0a\
\x00\x00\x00\xe9\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><circle cx=\x2216\
\x22 cy=\x2216\x22 r=\x2213\x22\
 fill=\x22#b3261e\x22/\
><path d=\x22M11 11\
 L21 21 M21 11 L\
11 21\x22 stroke=\x22#\
ffffff\x22 stroke-w\
idth=\x223\x22 stroke-\
linecap=\x22round\x22/\
></svg>\x0a\
\x00\x00\x01p\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><rect x=\x222\x22 y=\
\x225\x22 width=\x2213\x22 h\
eight=\x2210\x22 rx=\x221\
\x22 fill=\x22none\x22 st\
roke=\x22#1c4f8a\x22 s\
troke-width=\x222\x22/\
><rect x=\x2217\x22 y=\
\x2217\x22 width=\x2213\x22 \
height=\x2210\x22 rx=\x22\
1\x22 fill=\x22none\x22 s\
troke=\x22#1c4f8a\x22 \
stroke-width=\x222\x22\
/><path d=\x22M8 18\
 V22 H14 M24 14 \
V10 H18\x22 fill=\x22n\
one\x22 stroke=\x22#2e\
7d32\x22 stroke-wid\
th=\x222\x22/></svg>\x0a\
\x00\x00\x01F\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M22 1\
3 H12 A7 7 0 0 0\
 12 27 H20\x22 fill\
=\x22none\x22 stroke=\x22\
#1c4f8a\x22 stroke-\
width=\x223\x22 stroke\
-linecap=\x22round\x22\
/><path d=\x22M18 7\
 L24 13 L18 19\x22 \
fill=\x22none\x22 stro\
ke=\x22#1c4f8a\x22 str\
oke-width=\x223\x22 st\
roke-linejoin=\x22r\
ound\x22 stroke-lin\
ecap=\x22round\x22/></\
svg>\x0a\
\x00\x00\x01;\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M8 12\
 A10 10 0 1 1 7 \
21\x22 fill=\x22none\x22 \
stroke=\x22#8a5300\x22\
 stroke-width=\x223\
\x22 stroke-linecap\
=\x22round\x22/><path \
d=\x22M3 6 L8 13 L1\
4 9\x22 fill=\x22none\x22\
 stroke=\x22#8a5300\
\x22 stroke-width=\x22\
3\x22 stroke-linejo\
in=\x22round\x22 strok\
e-linecap=\x22round\
\x22/></svg>\x0a\
\x00\x00\x01$\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><rect x=\x226\x22 y=\
\x2214\x22 width=\x2220\x22 \
height=\x2215\x22 rx=\x22\
2\x22 fill=\x22#1c4f8a\
\x22/><path d=\x22M10 \
14 V10 A6 6 0 0 \
1 22 10 V14\x22 fil\
l=\x22none\x22 stroke=\
\x22#1c4f8a\x22 stroke\
-width=\x223\x22/><cir\
cle cx=\x2216\x22 cy=\x22\
21\x22 r=\x222.5\x22 fill\
=\x22#ffffff\x22/></sv\
g>\x0a\
\x00\x00\x01\x07\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><circle cx=\x2216\
\x22 cy=\x2216\x22 r=\x2213\x22\
 fill=\x22#1c4f8a\x22/\
><circle cx=\x2216\x22\
 cy=\x229.5\x22 r=\x222\x22 \
fill=\x22#ffffff\x22/>\
<path d=\x22M16 14 \
V24\x22 stroke=\x22#ff\
ffff\x22 stroke-wid\
th=\x223\x22 stroke-li\
necap=\x22round\x22/><\
/svg>\x0a\
\x00\x00\x01:\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M3 8 \
V26 H26 L29 13 H\
9 L6 26\x22 fill=\x22#\
fbe3a1\x22 stroke=\x22\
#8a5300\x22 stroke-\
width=\x221.8\x22 stro\
ke-linejoin=\x22rou\
nd\x22/><path d=\x22M3\
 8 V5 H12 L14 8 \
H24 V13\x22 fill=\x22n\
one\x22 stroke=\x22#8a\
5300\x22 stroke-wid\
th=\x221.8\x22 stroke-\
linejoin=\x22round\x22\
/></svg>\x0a\
\x00\x00\x01\x8d\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M16 2\
 L28 7 V15 C28 2\
3 22 28.5 16 30 \
C10 28.5 4 23 4 \
15 V7 Z\x22 fill=\x22#\
1c4f8a\x22/><rect x\
=\x2210.5\x22 y=\x2214\x22 w\
idth=\x2211\x22 height\
=\x229\x22 rx=\x221.5\x22 fi\
ll=\x22#ffffff\x22/><p\
ath d=\x22M12.5 14 \
V11.5 A3.5 3.5 0\
 0 1 19.5 11.5 V\
14\x22 fill=\x22none\x22 \
stroke=\x22#ffffff\x22\
 stroke-width=\x222\
\x22/><circle cx=\x221\
6\x22 cy=\x2218.5\x22 r=\x22\
1.5\x22 fill=\x22#1c4f\
8a\x22/></svg>\x0a\
\x00\x00\x01\xc6\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><ellipse cx=\x221\
6\x22 cy=\x227\x22 rx=\x2210\
\x22 ry=\x224\x22 fill=\x22#\
e8f1fb\x22 stroke=\x22\
#1c4f8a\x22 stroke-\
width=\x222\x22/><path\
 d=\x22M6 7 V25 C6 \
27.2 10.5 29 16 \
29 C21.5 29 26 2\
7.2 26 25 V7\x22 fi\
ll=\x22none\x22 stroke\
=\x22#1c4f8a\x22 strok\
e-width=\x222\x22/><pa\
th d=\x22M6 13 C6 1\
5.2 10.5 17 16 1\
7 C21.5 17 26 15\
.2 26 13 M6 19 C\
6 21.2 10.5 23 1\
6 23 C21.5 23 26\
 21.2 26 19\x22 fil\
l=\x22none\x22 stroke=\
\x22#1c4f8a\x22 stroke\
-width=\x221.5\x22/></\
svg>\x0a\
\x00\x00\x01\x83\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><rect x=\x223\x22 y=\
\x224\x22 width=\x2226\x22 h\
eight=\x2219\x22 rx=\x221\
.5\x22 fill=\x22#fffdf\
5\x22 stroke=\x22#8a53\
00\x22 stroke-width\
=\x222\x22/><path d=\x22M\
7 9 H22 M7 13 H1\
8 M7 17 H14\x22 str\
oke=\x22#8a5300\x22 st\
roke-width=\x221.5\x22\
/><circle cx=\x2223\
\x22 cy=\x2219\x22 r=\x224.5\
\x22 fill=\x22#c77700\x22\
/><path d=\x22M20.5\
 22.5 L19.5 29 L\
23 27 L26.5 29 L\
25.5 22.5\x22 fill=\
\x22#c77700\x22/></svg\
>\x0a\
\x00\x00\x01C\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M16 3\
 L30 28 H2 Z\x22 fi\
ll=\x22#e0a000\x22 str\
oke=\x22#8a5300\x22 st\
roke-width=\x221.5\x22\
 stroke-linejoin\
=\x22round\x22/><path \
d=\x22M16 11 V20\x22 s\
troke=\x22#000000\x22 \
stroke-width=\x223\x22\
 stroke-linecap=\
\x22round\x22/><circle\
 cx=\x2216\x22 cy=\x2224.\
5\x22 r=\x221.8\x22 fill=\
\x22#000000\x22/></svg\
>\x0a\
\x00\x00\x00\xfe\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M4 4 \
H24 L28 8 V28 H4\
 Z\x22 fill=\x22#1c4f8\
a\x22/><rect x=\x229\x22 \
y=\x224\x22 width=\x2212\x22\
 height=\x228\x22 fill\
=\x22#e8f1fb\x22/><rec\
t x=\x228\x22 y=\x2217\x22 w\
idth=\x2216\x22 height\
=\x2211\x22 fill=\x22#fff\
fff\x22/></svg>\x0a\
\x00\x00\x01L\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><circle cx=\x2216\
\x22 cy=\x2216\x22 r=\x2212\x22\
 fill=\x22none\x22 str\
oke=\x22#75a8e3\x22 st\
roke-width=\x222\x22/>\
<ellipse cx=\x2216\x22\
 cy=\x2216\x22 rx=\x225\x22 \
ry=\x2212\x22 fill=\x22no\
ne\x22 stroke=\x22#75a\
8e3\x22 stroke-widt\
h=\x222\x22/><path d=\x22\
M4 16 H28 M6 10 \
H26 M6 22 H26\x22 s\
troke=\x22#75a8e3\x22 \
stroke-width=\x221.\
5\x22/></svg>\x0a\
\x00\x00\x01E\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M10 1\
3 H20 A7 7 0 0 1\
 20 27 H12\x22 fill\
=\x22none\x22 stroke=\x22\
#75a8e3\x22 stroke-\
width=\x223\x22 stroke\
-linecap=\x22round\x22\
/><path d=\x22M14 7\
 L8 13 L14 19\x22 f\
ill=\x22none\x22 strok\
e=\x22#75a8e3\x22 stro\
ke-width=\x223\x22 str\
oke-linejoin=\x22ro\
und\x22 stroke-line\
cap=\x22round\x22/></s\
vg>\x0a\
\x00\x00\x00\xe9\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><circle cx=\x2216\
\x22 cy=\x2216\x22 r=\x2213\x22\
 fill=\x22#ea8680\x22/\
><path d=\x22M11 11\
 L21 21 M21 11 L\
11 21\x22 stroke=\x22#\
1e1e1e\x22 stroke-w\
idth=\x223\x22 stroke-\
linecap=\x22round\x22/\
></svg>\x0a\
\x00\x00\x01p\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><rect x=\x222\x22 y=\
\x225\x22 width=\x2213\x22 h\
eight=\x2210\x22 rx=\x221\
\x22 fill=\x22none\x22 st\
roke=\x22#75a8e3\x22 s\
troke-width=\x222\x22/\
><rect x=\x2217\x22 y=\
\x2217\x22 width=\x2213\x22 \
height=\x2210\x22 rx=\x22\
1\x22 fill=\x22none\x22 s\
troke=\x22#75a8e3\x22 \
stroke-width=\x222\x22\
/><path d=\x22M8 18\
 V22 H14 M24 14 \
V10 H18\x22 fill=\x22n\
one\x22 stroke=\x22#43\
b548\x22 stroke-wid\
th=\x222\x22/></svg>\x0a\
\x00\x00\x01F\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M22 1\
3 H12 A7 7 0 0 0\
 12 27 H20\x22 fill\
=\x22none\x22 stroke=\x22\
#75a8e3\x22 stroke-\
width=\x223\x22 stroke\
-linecap=\x22round\x22\
/><path d=\x22M18 7\
 L24 13 L18 19\x22 \
fill=\x22none\x22 stro\
ke=\x22#75a8e3\x22 str\
oke-width=\x223\x22 st\
roke-linejoin=\x22r\
ound\x22 stroke-lin\
ecap=\x22round\x22/></\
svg>\x0a\
\x00\x00\x01;\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M8 12\
 A10 10 0 1 1 7 \
21\x22 fill=\x22none\x22 \
stroke=\x22#f09000\x22\
 stroke-width=\x223\
\x22 stroke-linecap\
=\x22round\x22/><path \
d=\x22M3 6 L8 13 L1\
4 9\x22 fill=\x22none\x22\
 stroke=\x22#f09000\
\x22 stroke-width=\x22\
3\x22 stroke-linejo\
in=\x22round\x22 strok\
e-linecap=\x22round\
\x22/></svg>\x0a\
\x00\x00\x01$\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><rect x=\x226\x22 y=\
\x2214\x22 width=\x2220\x22 \
height=\x2215\x22 rx=\x22\
2\x22 fill=\x22#75a8e3\
\x22/><path d=\x22M10 \
14 V10 A6 6 0 0 \
1 22 10 V14\x22 fil\
l=\x22none\x22 stroke=\
\x22#75a8e3\x22 stroke\
-width=\x223\x22/><cir\
cle cx=\x2216\x22 cy=\x22\
21\x22 r=\x222.5\x22 fill\
=\x22#1e1e1e\x22/></sv\
g>\x0a\
\x00\x00\x01\x07\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><circle cx=\x2216\
\x22 cy=\x2216\x22 r=\x2213\x22\
 fill=\x22#75a8e3\x22/\
><circle cx=\x2216\x22\
 cy=\x229.5\x22 r=\x222\x22 \
fill=\x22#1e1e1e\x22/>\
<path d=\x22M16 14 \
V24\x22 stroke=\x22#1e\
1e1e\x22 stroke-wid\
th=\x223\x22 stroke-li\
necap=\x22round\x22/><\
/svg>\x0a\
\x00\x00\x01:\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M3 8 \
V26 H26 L29 13 H\
9 L6 26\x22 fill=\x22#\
fbe3a1\x22 stroke=\x22\
#f09000\x22 stroke-\
width=\x221.8\x22 stro\
ke-linejoin=\x22rou\
nd\x22/><path d=\x22M3\
 8 V5 H12 L14 8 \
H24 V13\x22 fill=\x22n\
one\x22 stroke=\x22#f0\
9000\x22 stroke-wid\
th=\x221.8\x22 stroke-\
linejoin=\x22round\x22\
/></svg>\x0a\
\x00\x00\x01\x8d\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M16 2\
 L28 7 V15 C28 2\
3 22 28.5 16 30 \
C10 28.5 4 23 4 \
15 V7 Z\x22 fill=\x22#\
75a8e3\x22/><rect x\
=\x2210.5\x22 y=\x2214\x22 w\
idth=\x2211\x22 height\
=\x229\x22 rx=\x221.5\x22 fi\
ll=\x22#ffffff\x22/><p\
ath d=\x22M12.5 14 \
V11.5 A3.5 3.5 0\
 0 1 19.5 11.5 V\
14\x22 fill=\x22none\x22 \
stroke=\x22#ffffff\x22\
 stroke-width=\x222\
\x22/><circle cx=\x221\
6\x22 cy=\x2218.5\x22 r=\x22\
1.5\x22 fill=\x22#75a8\
e3\x22/></svg>\x0a\
\x00\x00\x01\xc6\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><ellipse cx=\x221\
6\x22 cy=\x227\x22 rx=\x2210\
\x22 ry=\x224\x22 fill=\x22#\
e8f1fb\x22 stroke=\x22\
#75a8e3\x22 stroke-\
width=\x222\x22/><path\
 d=\x22M6 7 V25 C6 \
27.2 10.5 29 16 \
29 C21.5 29 26 2\
7.2 26 25 V7\x22 fi\
ll=\x22none\x22 stroke\
=\x22#75a8e3\x22 strok\
e-width=\x222\x22/><pa\
th d=\x22M6 13 C6 1\
5.2 10.5 17 16 1\
7 C21.5 17 26 15\
.2 26 13 M6 19 C\
6 21.2 10.5 23 1\
6 23 C21.5 23 26\
 21.2 26 19\x22 fil\
l=\x22none\x22 stroke=\
\x22#75a8e3\x22 stroke\
-width=\x221.5\x22/></\
svg>\x0a\
\x00\x00\x01\x83\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><rect x=\x223\x22 y=\
\x224\x22 width=\x2226\x22 h\
eight=\x2219\x22 rx=\x221\
.5\x22 fill=\x22#fffdf\
5\x22 stroke=\x22#f090\
00\x22 stroke-width\
=\x222\x22/><path d=\x22M\
7 9 H22 M7 13 H1\
8 M7 17 H14\x22 str\
oke=\x22#f09000\x22 st\
roke-width=\x221.5\x22\
/><circle cx=\x2223\
\x22 cy=\x2219\x22 r=\x224.5\
\x22 fill=\x22#c77700\x22\
/><path d=\x22M20.5\
 22.5 L19.5 29 L\
23 27 L26.5 29 L\
25.5 22.5\x22 fill=\
\x22#c77700\x22/></svg\
>\x0a\
\x00\x00\x01C\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M16 3\
 L30 28 H2 Z\x22 fi\
ll=\x22#e0a000\x22 str\
oke=\x22#f09000\x22 st\
roke-width=\x221.5\x22\
 stroke-linejoin\
=\x22round\x22/><path \
d=\x22M16 11 V20\x22 s\
troke=\x22#9f9f9f\x22 \
stroke-width=\x223\x22\
 stroke-linecap=\
\x22round\x22/><circle\
 cx=\x2216\x22 cy=\x2224.\
5\x22 r=\x221.8\x22 fill=\
\x22#9f9f9f\x22/></svg\
>\x0a\
\x00\x00\x00\xfe\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22><path d=\x22M4 4 \
H24 L28 8 V28 H4\
 Z\x22 fill=\x22#75a8e\
3\x22/><rect x=\x229\x22 \
y=\x224\x22 width=\x2212\x22\
 height=\x228\x22 fill\
=\x22#e8f1fb\x22/><rec\
t x=\x228\x22 y=\x2217\x22 w\
idth=\x2216\x22 height\
=\x2211\x22 fill=\x22#1e1\
e1e\x22/></svg>\x0a\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x07\
\x0d\xb5Z'\
\x00w\
\x00e\x00b\x00.\x00s\x00v\x00g\
\x00\x08\
\x04\xb2UG\
\x00u\
\x00n\x00d\x00o\x00.\x00s\x00v\x00g\
\x00\x09\
\x09e\x83\xe7\
\x00e\
\x00r\x00r\x00o\x00r\x00.\x00s\x00v\x00g\
\x00\x11\
\x06 \xdc\xe7\
\x00c\
\x00l\x00i\x00e\x00n\x00t\x00_\x00s\x00e\x00r\x00v\x00e\x00r\x00.\x00s\x00v\x00g\
\
\x00\x04\
\x00\x06\xa8\x8b\
\x00d\
\x00a\x00r\x00k\
\x00\x08\
\x0b\xb2U\xc7\
\x00r\
\x00e\x00d\x00o\x00.\x00s\x00v\x00g\
\x00\x0a\
\x0c\x98CG\
\x00r\
\x00e\x00v\x00e\x00r\x00t\x00.\x00s\x00v\x00g\
\x00\x07\
\x0b6Z'\
\x00t\
\x00l\x00s\x00.\x00s\x00v\x00g\
\x00\x08\
\x04\xd2T\xc7\
\x00i\
\x00n\x00f\x00o\x00.\x00s\x00v\x00g\
\x00\x08\
\x06\xc1T\x07\
\x00o\
\x00p\x00e\x00n\x00.\x00s\x00v\x00g\
\x00\x07\
\x08sZ\x07\
\x00a\
\x00p\x00p\x00.\x00s\x00v\x00g\
\x00\x07\
\x0a\x7fZ'\
\x00s\
\x00q\x00l\x00.\x00s\x00v\x00g\
\x00\x0f\
\x0b\xfab\xc7\
\x00c\
\x00e\x00r\x00t\x00i\x00f\x00i\x00c\x00a\x00t\x00e\x00.\x00s\x00v\x00g\
\x00\x0b\
\x00\xb5Hg\
\x00w\
\x00a\x00r\x00n\x00i\x00n\x00g\x00.\x00s\x00v\x00g\
\x00\x08\
\x08\xc8U\xe7\
\x00s\
\x00a\x00v\x00e\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x01\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x0f\x00\x00\x00\x02\
\x00\x00\x00z\x00\x02\x00\x00\x00\x0e\x00\x00\x00\x11\
\x00\x00\x01D\x00\x00\x00\x00\x00\x01\x00\x00\x0f\xd6\
\x00\x00\x00$\x00\x00\x00\x00\x00\x01\x00\x00\x01P\
\x00\x00\x00\xcc\x00\x00\x00\x00\x00\x01\x00\x00\x08\xab\
\x00\x00\x00R\x00\x00\x00\x00\x00\x01\x00\x00\x03\x86\
\x00\x00\x00\xe2\x00\x00\x00\x00\x00\x01\x00\x00\x09\xb6\
\x00\x00\x00\xf8\x00\x00\x00\x00\x00\x01\x00\x00\x0a\xf4\
\x00\x00\x01`\x00\x00\x00\x00\x00\x01\x00\x00\x11\x1d\
\x00\x00\x00:\x00\x00\x00\x00\x00\x01\x00\x00\x02\x99\
\x00\x00\x01\x0c\x00\x00\x00\x00\x00\x01\x00\x00\x0c\x85\
\x00\x00\x00\xb8\x00\x00\x00\x00\x00\x01\x00\x00\x07\x83\
\x00\x00\x00\x88\x00\x00\x00\x00\x00\x01\x00\x00\x04\xfa\
\x00\x00\x01 \x00\x00\x00\x00\x00\x01\x00\x00\x0eO\
\x00\x00\x00\x9e\x00\x00\x00\x00\x00\x01\x00\x00\x06D\
\x00\x00\x00\x10\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
\x00\x00\x01D\x00\x00\x00\x00\x00\x01\x00\x00!\xf5\
\x00\x00\x00$\x00\x00\x00\x00\x00\x01\x00\x00\x13o\
\x00\x00\x00\xcc\x00\x00\x00\x00\x00\x01\x00\x00\x1a\xca\
\x00\x00\x00R\x00\x00\x00\x00\x00\x01\x00\x00\x15\xa5\
\x00\x00\x00\xe2\x00\x00\x00\x00\x00\x01\x00\x00\x1b\xd5\
\x00\x00\x00\xf8\x00\x00\x00\x00\x00\x01\x00\x00\x1d\x13\
\x00\x00\x01`\x00\x00\x00\x00\x00\x01\x00\x00#<\
\x00\x00\x00:\x00\x00\x00\x00\x00\x01\x00\x00\x14\xb8\
\x00\x00\x01\x0c\x00\x00\x00\x00\x00\x01\x00\x00\x1e\xa4\
\x00\x00\x00\xb8\x00\x00\x00\x00\x00\x01\x00\x00\x19\xa2\
\x00\x00\x00\x88\x00\x00\x00\x00\x00\x01\x00\x00\x17\x19\
\x00\x00\x01 \x00\x00\x00\x00\x00\x01\x00\x00 n\
\x00\x00\x00\x9e\x00\x00\x00\x00\x00\x01\x00\x00\x18c\
\x00\x00\x00\x10\x00\x00\x00\x00\x00\x01\x00\x00\x12\x1f\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
