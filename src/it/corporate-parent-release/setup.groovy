// The examples themselves, not copies kept here: what docs/index.md tells people to copy is what this IT builds.
// secure-build's own version replaces the one the examples name, so that the IT runs the plugin this build made.
import java.nio.file.Files

File examples = new File(itExamples)
['corporate-parent', 'corporate-reactor'].each { name ->
    File from = new File(examples, name)
    File to = new File(basedir, name)
    from.eachFileRecurse { File file ->
        String relative = from.toPath().relativize(file.toPath()).toString()
        if ('target' in relative.split('/') || relative == 'deployments.jsonl') {
            return
        }
        File copy = new File(to, relative)
        if (file.isDirectory()) {
            copy.mkdirs()
        } else {
            copy.parentFile.mkdirs()
            Files.copy(file.toPath(), copy.toPath())
        }
    }
}
File parent = new File(basedir, 'corporate-parent/pom.xml')
parent.text = parent.getText('UTF-8').replace('<secure-build.version>0.1.0-SNAPSHOT</secure-build.version>',
        "<secure-build.version>${itProjectVersion}</secure-build.version>")
return true
