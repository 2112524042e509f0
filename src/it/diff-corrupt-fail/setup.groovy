def support = evaluate(new File(itSupport))
File good = support.zip(new File(basedir, 'left/demo-1.0.jar'), [['demo/a.txt', 'a\n'], ['demo/b.txt', 'b\n']])
File cut = new File(basedir, 'right/demo-1.0.jar')
cut.parentFile.mkdirs()
byte[] bytes = good.bytes
cut.bytes = Arrays.copyOf(bytes, bytes.length - 40)   // the end of the central directory is gone
return true
