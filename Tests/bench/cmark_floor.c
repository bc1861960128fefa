/* The floor for hubsite's build time: cmark alone parsing and rendering every Markdown file,
   on two threads, with no front matter, templates, checks or writing. Usage: cmark_floor FILE... */
#include <cmark.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **files;
static int count;
static size_t total[2];

static void *work(void *arg) {
    int half = (int)(long)arg;
    for (int i = half; i < count; i += 2) {
        FILE *f = fopen(files[i], "rb");
        if (!f) continue;
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *text = malloc(size + 1);
        size_t got = fread(text, 1, size, f);
        fclose(f);
        cmark_node *doc = cmark_parse_document(text, got, CMARK_OPT_DEFAULT);
        char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
        total[half] += strlen(html);
        free(html);
        cmark_node_free(doc);
        free(text);
    }
    return NULL;
}

int main(int argc, char **argv) {
    files = argv + 1;
    count = argc - 1;
    pthread_t threads[2];
    for (long t = 0; t < 2; t++) pthread_create(&threads[t], NULL, work, (void *)t);
    for (int t = 0; t < 2; t++) pthread_join(threads[t], NULL);
    printf("%zu\n", total[0] + total[1]);
    return 0;
}
