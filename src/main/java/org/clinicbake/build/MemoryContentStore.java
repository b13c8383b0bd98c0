package org.clinicbake.build;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.model.ModelAttributes;

/**
 * JBake's content store, answered from memory instead of an OrientDB database.
 *
 * <p>JBake's renderer asks the store for every document of a type once per page to find the
 * previous and next page, and OrientDB rebuilds every document each time: O(N²), two thirds of a
 * 1,000-page bake. Here each query is computed once per change of the content and kept, and the
 * lists it returns find a document's position in constant time. Starting no database also saves
 * OrientDB's start-up (about 1.7 s).
 *
 * <p>Lists are shared, not copied: callers must not modify them (JBake's own code does not).
 */
final class MemoryContentStore extends ContentStore {

    private static final Comparator<DocumentModel> NEWEST_FIRST = Comparator
            .comparing(DocumentModel::getDate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(DocumentModel::getSourceuri, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Map<String, DocumentModel> bySourceUri = new TreeMap<>();
    private final Map<String, DocumentList<DocumentModel>> queries = new HashMap<>();

    MemoryContentStore() {
        super("memory", "clinicbake");
    }

    /**
     * Nothing to start. JBake's {@code Oven} then calls the final {@code updateSchema()}, which asks
     * the database whether its tables exist; a stand-in answers yes, so no database is needed.
     */
    @Override
    public void startup() {
        try {
            Field db = ContentStore.class.getDeclaredField("db");
            db.setAccessible(true);
            db.set(this, schemaThatExists());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JBake version's ContentStore is not the one ClinicBake supports", e);
        }
    }

    /** OrientDB's session, metadata and schema interfaces, answering only what updateSchema() asks. */
    private static Object schemaThatExists() throws ClassNotFoundException {
        ClassLoader loader = MemoryContentStore.class.getClassLoader();
        Object schema = stub(loader, "com.orientechnologies.orient.core.metadata.schema.OSchema", "existsClass", Boolean.TRUE);
        Object metadata = stub(loader, "com.orientechnologies.orient.core.metadata.OMetadata", "getSchema", schema);
        return stub(loader, "com.orientechnologies.orient.core.db.ODatabaseSession", "getMetadata", metadata);
    }

    private static Object stub(ClassLoader loader, String type, String method, Object answer) throws ClassNotFoundException {
        Class<?> face = Class.forName(type, false, loader);
        return Proxy.newProxyInstance(loader, new Class<?>[] {face},
                (proxy, called, args) -> called.getName().equals(method) ? answer : null);
    }

    @Override
    public void close() {
        // Nothing to close: the documents go with this object.
    }

    @Override
    public void shutdown() {
        // Nothing to shut down.
    }

    @Override
    public void drop() {
        clear();
    }

    @Override
    public boolean isActive() {
        return true;
    }

    /** Every bake starts empty; ClinicBake's own cache keeps converted articles between bakes. */
    @Override
    public void updateAndClearCacheIfNeeded(boolean needed, File templateFolder) {
        clear();
    }

    @Override
    public synchronized void addDocument(DocumentModel document) {
        bySourceUri.put(document.getSourceuri(), document);
        queries.clear();
    }

    /** The document stored from the file at {@code sourceUri}, or null. */
    synchronized DocumentModel document(String sourceUri) {
        return bySourceUri.get(sourceUri);
    }

    /** Every stored document but those of {@code type} (JBake's data files), in no particular order. */
    synchronized List<DocumentModel> documentsExcept(String type) {
        return bySourceUri.values().stream().filter(document -> !type.equals(document.getType())).toList();
    }

    @Override
    public synchronized void deleteContent(String uri) {
        if (bySourceUri.remove(uri) != null) {
            queries.clear();
        }
    }

    @Override
    public synchronized void deleteAllByDocType(String docType) {
        if (bySourceUri.values().removeIf(document -> docType.equals(document.getType()))) {
            queries.clear();
        }
    }

    @Override
    public synchronized void markContentAsRendered(DocumentModel document) {
        DocumentModel stored = bySourceUri.get(document.getSourceuri());
        if (stored != null && document.getType().equals(stored.getType()) && Boolean.TRUE.equals(stored.getCached())
                && !Boolean.TRUE.equals(stored.getRendered())) {
            stored.setRendered(true);
            queries.remove("unrendered");
        }
    }

    @Override
    public synchronized long getDocumentCount(String docType) {
        return getAllContent(docType).size();
    }

    @Override
    public synchronized long getPublishedCount(String docType) {
        return getPublishedContent(docType).size();
    }

    @Override
    public synchronized DocumentList<DocumentModel> getDocumentByUri(String uri) {
        return single(uri);
    }

    @Override
    public synchronized DocumentList<DocumentModel> getDocumentStatus(String uri) {
        return single(uri);
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPosts() {
        return getPublishedContent("post");
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedPosts(boolean applyPaging) {
        DocumentList<DocumentModel> posts = getPublishedContent("post");
        return applyPaging ? page(posts) : posts;
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedPostsByTag(String tag) {
        return query("posts-tagged:" + tag, document -> isPublished(document) && "post".equals(document.getType())
                && hasTag(document, tag));
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedDocumentsByTag(String tag) {
        // JBake lists them type by type, in the order of its document types.
        DocumentList<DocumentModel> documents = new IndexedDocumentList(List.of());
        for (String docType : DocumentTypes.getDocumentTypes()) {
            documents.addAll(query("tagged:" + docType + ":" + tag, document -> isPublished(document)
                    && docType.equals(document.getType()) && hasTag(document, tag)));
        }
        return new IndexedDocumentList(documents);
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPages() {
        return getPublishedContent("page");
    }

    @Override
    public synchronized DocumentList<DocumentModel> getPublishedContent(String docType) {
        return query("published:" + docType, document -> isPublished(document) && docType.equals(document.getType()));
    }

    @Override
    public synchronized DocumentList<DocumentModel> getAllContent(String docType) {
        return query("all:" + docType, document -> docType.equals(document.getType()));
    }

    @Override
    public synchronized DocumentList<DocumentModel> getAllContent(String docType, boolean applyPaging) {
        DocumentList<DocumentModel> all = getAllContent(docType);
        return applyPaging ? page(all) : all;
    }

    @Override
    public synchronized DocumentList<DocumentModel> getUnrenderedContent() {
        return query("unrendered", document -> !Boolean.TRUE.equals(document.getRendered()));
    }

    @Override
    public synchronized Set<String> getTags() {
        return tags(document -> isPublished(document) && "post".equals(document.getType()));
    }

    @Override
    public synchronized Set<String> getAllTags() {
        Set<String> types = Set.of(DocumentTypes.getDocumentTypes());
        return tags(document -> isPublished(document) && types.contains(document.getType()));
    }

    private void clear() {
        bySourceUri.clear();
        queries.clear();
    }

    private DocumentList<DocumentModel> query(String key, Predicate<DocumentModel> filter) {
        return queries.computeIfAbsent(key, ignored -> new IndexedDocumentList(
                bySourceUri.values().stream().filter(filter).sorted(NEWEST_FIRST).toList()));
    }

    private DocumentList<DocumentModel> single(String sourceUri) {
        DocumentModel document = bySourceUri.get(sourceUri);
        return new IndexedDocumentList(document == null ? List.of() : List.of(document));
    }

    private DocumentList<DocumentModel> page(DocumentList<DocumentModel> documents) {
        long start = getStart();
        long limit = getLimit();
        if (start < 0 || limit < 0) {
            return documents;
        }
        List<DocumentModel> slice = documents.stream().skip(start).limit(limit).toList();
        return new IndexedDocumentList(slice);
    }

    private Set<String> tags(Predicate<DocumentModel> filter) {
        Set<String> tags = new LinkedHashSet<>();
        bySourceUri.values().stream().filter(filter).forEach(document -> {
            if (document.getTags() != null) {
                tags.addAll(Arrays.asList(document.getTags()));
            }
        });
        return tags;
    }

    private static boolean isPublished(DocumentModel document) {
        return ModelAttributes.Status.PUBLISHED.equals(document.getStatus());
    }

    private static boolean hasTag(DocumentModel document, String tag) {
        return document.getTags() != null && Arrays.asList(document.getTags()).contains(tag);
    }

    /**
     * JBake's list type (a linked list) with constant-time {@code get} and {@code indexOf}: JBake's
     * renderer calls both for every page to find its neighbours.
     */
    private static final class IndexedDocumentList extends DocumentList<DocumentModel> {

        private static final long serialVersionUID = 1L;
        private final ArrayList<DocumentModel> items;
        private final Map<DocumentModel, Integer> positions = new IdentityHashMap<>();

        IndexedDocumentList(Collection<DocumentModel> documents) {
            super.addAll(documents);
            this.items = new ArrayList<>(documents);
            for (int i = items.size() - 1; i >= 0; i--) {
                positions.put(items.get(i), i);
            }
        }

        @Override
        public DocumentModel get(int index) {
            return items.get(index);
        }

        @Override
        public int indexOf(Object document) {
            Integer position = positions.get(document);
            return position != null ? position : super.indexOf(document);
        }

        @Override
        public boolean addAll(Collection<? extends DocumentModel> documents) {
            boolean changed = super.addAll(documents);
            for (DocumentModel document : documents) {
                positions.putIfAbsent(document, items.size());
                items.add(document);
            }
            return changed;
        }
    }
}
