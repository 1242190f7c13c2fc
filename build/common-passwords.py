#!/usr/bin/env python3
"""Writes Ocma.Core/Identity/CommonPasswords.txt: the shapes of password people choose most often (a common word or
name, a keyboard walk or a run of digits, then a year, digits or a symbol), lower case, one a line. No download:
the patterns are the ones every breached-password study lists at the top. Run: python3 build/common-passwords.py"""
import pathlib

words = """password passw0rd p@ssword p@ssw0rd pass letmein welcome welcome1 admin administrator root login
qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm qazwsx 1qaz2wsx qweasd qweasdzxc azerty trustno1 iloveyou loveyou
dragon monkey football baseball basketball soccer hockey sunshine princess master shadow superman batman
spiderman starwars pokemon computer internet secret changeme default freedom whatever nothing
michael jennifer jessica daniel charlie thomas robert william jordan hunter ashley michelle andrew joshua
matthew anthony nicole amanda justin taylor tigger summer winter spring autumn january february march april
june july august september october november december monday friday sunday chocolate cookie cheese pepper
ginger banana orange purple yellow silver golden diamond flower butterfly angel blessed jesus heaven
killer hello hello123 welcome123 company office manager service support marketing social socialmedia
ocma ocmaadmin calendar brand content instagram facebook twitter mastodon linkedin bluesky google
abc abcd abcdef abcdefg abcdefgh letmein1 qwerty123 iloveyou1 pa55word passwort motdepasse contrasena""".split()
walks = """1234567890 0987654321 123456789 12345678 1234567 123456 11111111 1111111111 00000000 0000000000
12341234 123123123 112233 11223344 121212 123321 654321 987654321 147258369 159753 741852963 1q2w3e4r
1q2w3e4r5t 1qaz2wsx3edc qwe123 asd123 zaq12wsx q1w2e3r4 q1w2e3r4t5 aaaaaaaa aaaaaaaaaa abc123 abcd1234""".split()
years = [str(y) for y in range(1960, 2031)]
suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "!", "1!", "12!", "123!", "@123", "#1", "01", "007", "69", "99", "00", "11", "2", "3"]
suffixes += years + [y + "!" for y in years[-15:]]

found = set()
for base in words:
    for suffix in suffixes:
        found.add(base + suffix)
    found.add(base + base)
found.update(walks)
for walk in walks:
    found.update(walk + s for s in ["!", "a", "q"])
for season in ["summer", "winter", "spring", "autumn", "fall"]:
    for year in years[-30:]:
        found.add(season + year[-2:])
        found.add(season + year[-2:] + "!")

out = pathlib.Path(__file__).resolve().parent.parent / "Ocma.Core" / "Identity" / "CommonPasswords.txt"
out.write_text("\n".join(sorted(found)) + "\n", encoding="utf-8")
print(f"{len(found)} passwords -> {out}")
