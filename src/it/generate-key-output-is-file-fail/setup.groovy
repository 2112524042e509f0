import java.nio.file.Files

new File(basedir, 'afile').text = 'not a folder\n'
File elsewhere = new File(basedir, 'elsewhere')
elsewhere.mkdirs()
Files.createSymbolicLink(new File(basedir, 'alink').toPath(), elsewhere.toPath().toAbsolutePath())
return true
