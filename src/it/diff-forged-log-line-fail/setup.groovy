def support = evaluate(new File(itSupport))
String forged = 'x\n[INFO] BUILD SUCCESS'
String ansi = 'red\u001b[31mALERT\u001b[0m.txt'
['left': 'a', 'right': 'b'].each { side, content ->
    support.zip(new File(basedir, "$side/demo-1.0.jar"), [
            [forged, content],
            [ansi, content],
            ['notes.txt', "same\n${side == 'left' ? 'fine' : 'fine\r[INFO] BUILD SUCCESS\u001b[2J'}\n"],
            ["only-$side\n[ERROR] forged".toString(), 'x']])
}
return true
