import java.nio.file.Files

// The "host" files: outside both inputs, with a canary that must reach no report.
File outside = new File(basedir, 'outside-the-inputs/etc')
outside.mkdirs()
new File(outside, 'shadow').text = 'root:CANARY-OUTSIDE-THE-INPUTS:19000:0:99999:7:::\n'
File left = new File(basedir, 'left')
File right = new File(basedir, 'right/etc')
left.mkdirs()
right.mkdirs()
Files.createSymbolicLink(new File(left, 'etc').toPath(), outside.toPath().toAbsolutePath())
new File(right, 'shadow').text = 'x\n'
Files.createSymbolicLink(new File(basedir, 'right/passwd').toPath(), new File(outside, 'shadow').toPath().toAbsolutePath())
return true
