import java.nio.file.Files

File names = new File(basedir, 'names')
names.mkdirs()
new File(names, 'x\n[INFO] BUILD SUCCESS\u001b[32m.jar').text = 'unsigned\n'
File links = new File(basedir, 'links')
links.mkdirs()
File outside = new File(basedir, 'outside')
outside.mkdirs()
new File(outside, 'demo-1.0.jar').text = 'outside the folder\n'
Files.createSymbolicLink(new File(links, 'demo-1.0.jar').toPath(), new File(outside, 'demo-1.0.jar').toPath().toAbsolutePath())
return true
